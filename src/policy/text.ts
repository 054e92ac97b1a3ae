// S27: what a stored string may hold, wherever it comes from (GraphQL, the directory import).
// Users pick flows, connections and people by these strings, so none may hide characters
// that fake another name or that the database refuses (NUL).
//
// A name is one line of visible text. A description may also hold tabs and line breaks
// (\t, \n, \r, U+2028, U+2029) and the bidi marks mixed-direction prose needs (LRM, RLM,
// ALM). Neither may hold any other control character, a bidi embedding, override or
// isolate, a lone surrogate, a stray tag character, or consist only of invisible characters.
// Joiners (ZWJ, ZWNJ) and variation selectors are fine inside visible text: emoji and many
// scripts need them.

export type TextKind = 'name' | 'description';

type Rule = { what: string; pattern: RegExp; kinds: readonly TextKind[] };

const BOTH: readonly TextKind[] = ['name', 'description'];

const RULES: readonly Rule[] = [
  // C0, DEL and C1; descriptions keep tab, line feed and carriage return.
  { what: 'control characters', pattern: /\p{Cc}/u, kinds: ['name'] },
  { what: 'control characters', pattern: /(?![\t\n\r])\p{Cc}/u, kinds: ['description'] },
  { what: 'line or paragraph separators', pattern: /[\u2028\u2029]/u, kinds: ['name'] },
  // LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI: they reorder what follows ("Expense \u202Egpj.exe").
  { what: 'bidirectional embeddings, overrides or isolates', pattern: /[\u202A-\u202E\u2066-\u2069]/u, kinds: BOTH },
  { what: 'bidirectional marks', pattern: /[\u200E\u200F\u061C]/u, kinds: ['name'] },
  // Deprecated format characters and interlinear annotations: invisible, no use in a name or prose.
  { what: 'deprecated format characters', pattern: /[\u206A-\u206F\uFFF9-\uFFFB]/u, kinds: BOTH },
  // With the u flag this matches only a surrogate that is not half of a pair.
  { what: 'unpaired surrogates', pattern: /[\uD800-\uDFFF]/u, kinds: BOTH },
];

/** Tag characters are invisible ASCII; the only use they have is a subdivision flag (🏴 tags… cancel). */
const FLAG_SEQUENCE = /\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}/gu;
const TAG = /[\u{E0000}-\u{E007F}]/u;

/** What renders as nothing: whitespace, default-ignorable code points (ZWSP, ZWJ, U+FEFF, U+2060, Hangul fillers…), braille blank. */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]/gu;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `value` may not be stored as a `kind`, or null if it may. An empty string is for the caller's length rules. */
export function textFault(value: string, kind: TextKind): string | null {
  for (const rule of RULES) {
    if (!rule.kinds.includes(kind)) continue;
    const found = rule.pattern.exec(value);
    if (found) return `must not contain ${rule.what} (${codePoint(found[0])})`;
  }
  const tag = TAG.exec(value.replace(FLAG_SEQUENCE, ''));
  if (tag) return `must not contain tag characters outside a flag (${codePoint(tag[0])})`;
  if (value.length > 0 && value.replace(INVISIBLE, '').length === 0) return 'must not be only invisible characters';
  return null;
}
