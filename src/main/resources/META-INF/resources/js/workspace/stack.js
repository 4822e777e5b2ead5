// Stacking, as brat does it: each item (a span's label or a relation's arc) gets the lowest level where it
// overlaps no other item of that level. Shorter items go first, so a span nested in another sits below it and
// an arc inside a longer arc stays under it. Works in text offsets only, so it needs no layout reads.

/**
 * items: [{a, b}] half-open intervals. Sets item.level and returns the number of levels used.
 */
export function stack(items) {
  if (items.length === 0) return 0;
  const order = items.slice().sort((x, y) => (x.b - x.a) - (y.b - y.a) || x.a - y.a);
  const levels = [];
  for (const item of order) {
    let level = 0;
    for (;; level++) {
      if (level === levels.length) {
        levels.push([item]);
        break;
      }
      const row = levels[level];
      const i = firstStartingAtOrAfter(row, item.b);
      // Items of one level are disjoint and sorted, so only the one just before i can reach into item.
      if (i === 0 || row[i - 1].b <= item.a) {
        row.splice(i, 0, item);
        break;
      }
    }
    item.level = level;
  }
  return levels.length;
}

function firstStartingAtOrAfter(row, b) {
  let lo = 0;
  let hi = row.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (row[mid].a < b) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
