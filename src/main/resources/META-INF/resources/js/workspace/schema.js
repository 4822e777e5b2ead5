// The project's schema as the workspace uses it: entity types with their colours (one CSS class each), relation
// types with their arrows, and which relation types a pair of spans allows.

export class Schema {
  constructor(s) {
    this.entityTypes = s.entityTypes || [];
    this.relationTypes = s.relationTypes || [];
    this.attributes = s.attributes || [];
    this.linkResources = s.linkResources || []; // knowledge bases entity links may use; empty: any
    this.relationMenu = s.relationMenu || { any: [], pairs: {} };
    this.entity = new Map(this.entityTypes.map((t, index) => [t.name, { ...t, index }]));
    this.relation = new Map(this.relationTypes.map((t) => [t.name, { ...t, color: t.color || '#555555' }]));
    const css = this.entityTypes.map((t, i) => `.t${i}{--c:${safeColor(t.color)};--lc:${textColorOn(t.color)}}`).join('\n');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css + '\n.tx0{--c:#888888;--lc:#000000}');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }

  entityClass(name) {
    const t = this.entity.get(name);
    return t ? 't' + t.index : 'tx0';
  }

  relationColor(name) {
    return this.relation.get(name)?.color || '#555555';
  }

  arrow(name) {
    return this.relation.get(name)?.directed === false ? '↔' : '→';
  }

  /** Relation types whose allowed pairs fit a span of type a then one of type b; reversed: b is the head. */
  relationTypesFor(a, b) {
    // The server works the pairs out (relationMenu), so the rule lives in one place (SchemaRules).
    const listed = this.relationMenu.pairs[`${a}\t${b}`] || [];
    return this.relationTypes.flatMap((type) => (this.relationMenu.any.includes(type.name)
      ? [{ type, reversed: false }]
      : listed.filter((c) => c.name === type.name).map((c) => ({ type, reversed: c.reversed }))));
  }
}

/** A colour fit for CSS: the schema's own if it is a plain #rrggbb, grey otherwise. */
export function safeColor(c) {
  return /^#[0-9a-fA-F]{6}$/.test(c || '') ? c : '#888888';
}

/**
 * Black or white, whichever has the higher WCAG contrast on the colour: at least 4.58:1 for any colour, so a
 * label's text is always readable (the schema editor computes the same in Java, ColourContrast).
 */
export function textColorOn(c) {
  const l = luminance(safeColor(c));
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

/** WCAG relative luminance of #rrggbb. */
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
