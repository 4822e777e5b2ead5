// The merged view as the curation page carries it (CurationPageData.java: spans as rows of numbers, each label and
// each set of proposers named once) turned back into the API's shape, which the rest of the page reads.

export function expand(data) {
  const { spanLabels, spanProposers, spanRows, ...view } = data;
  view.spans = spanRows.map(([start, end, l, p, flags, goldId, key]) => {
    const label = spanLabels[l];
    const proposers = spanProposers[p];
    const inGold = (flags & 1) !== 0;
    const rejected = (flags & 2) !== 0;
    return { key: key ?? `s|${start}|${end}|${label}`, start, end, label, proposers, agreement: proposers.length,
      inGold, goldId, rejected, disagreement: !inGold && !rejected };
  });
  return view;
}
