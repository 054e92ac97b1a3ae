// What a stored string may hold (S27), table-driven: names and descriptions.
import { describe, expect, it } from 'vitest';
import { textFault, type TextKind } from '../../src/policy/text.js';

/** What textFault says, shortened to what the table compares: 'OK' or the start of the fault. */
function verdict(value: string, kind: TextKind): string {
  const fault = textFault(value, kind);
  if (fault === null) return 'OK';
  return fault.replace(/^must not (contain |be )?/, '').replace(/ \(U\+[0-9A-F]+\)$/, '');
}

const CONTROL = 'control characters';
const SEPARATOR = 'line or paragraph separators';
const BIDI = 'bidirectional embeddings, overrides or isolates';
const MARK = 'bidirectional marks';
const DEPRECATED = 'deprecated format characters';
const SURROGATE = 'unpaired surrogates';
const TAG = 'tag characters outside a flag';
const INVISIBLE = 'only invisible characters';

describe('stored text (S27)', () => {
  const cases: [string, string, name: string, description: string][] = [
    ['plain text', 'Approve expenses', 'OK', 'OK'],
    ['the empty string (length rules are the caller’s)', '', 'OK', 'OK'],
    ['accents and other scripts', 'Prüfung – 承認 – موافقة', 'OK', 'OK'],
    ['an emoji with joiners (ZWJ inside visible text)', 'Team \u{1F468}\u200d\u{1F469}\u200d\u{1F467} flows', 'OK', 'OK'],
    ['a ZWNJ inside a Persian word', '\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645', 'OK', 'OK'],
    ['an emoji with a variation selector', 'Done \u2714\ufe0f', 'OK', 'OK'],
    [
      'a subdivision flag (tag characters in their sequence)',
      'Scotland \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}',
      'OK',
      'OK',
    ],
    ['NUL', 'Expense\u0000', CONTROL, CONTROL],
    ['a bell', 'a\u0007b', CONTROL, CONTROL],
    ['escape (terminal sequences)', '\u001b[31mred', CONTROL, CONTROL],
    ['DEL', 'a\u007f', CONTROL, CONTROL],
    ['a C1 control (NEL)', 'a\u0085b', CONTROL, CONTROL],
    ['a tab', 'a\tb', CONTROL, 'OK'],
    ['a line feed', 'line one\nline two', CONTROL, 'OK'],
    ['CR LF', 'line one\r\nline two', CONTROL, 'OK'],
    ['a line separator', 'a\u2028b', SEPARATOR, 'OK'],
    ['a paragraph separator', 'a\u2029b', SEPARATOR, 'OK'],
    ['a right-to-left override', 'Expense \u202egpj.exe', BIDI, BIDI],
    ['a left-to-right override', 'a\u202db', BIDI, BIDI],
    ['an embedding and its pop', '\u202aa\u202c', BIDI, BIDI],
    ['a right-to-left isolate', 'a\u2067b\u2069', BIDI, BIDI],
    ['a first-strong isolate', 'a\u2068b', BIDI, BIDI],
    ['a left-to-right mark', 'a\u200eb', MARK, 'OK'],
    ['a right-to-left mark', 'a\u200fb', MARK, 'OK'],
    ['an Arabic letter mark', 'a\u061cb', MARK, 'OK'],
    ['a deprecated format character', 'a\u206ab', DEPRECATED, DEPRECATED],
    ['an interlinear annotation', 'a\ufff9b\ufffbc', DEPRECATED, DEPRECATED],
    ['a lone high surrogate', 'a\ud800b', SURROGATE, SURROGATE],
    ['a lone low surrogate', '\udc00', SURROGATE, SURROGATE],
    ['hidden ASCII in tag characters', 'Invoice\u{E0069}\u{E0067}\u{E006E}', TAG, TAG],
    ['only zero-width spaces', '\u200b\u200b\u200b', INVISIBLE, INVISIBLE],
    ['only joiners', '\u200c\u200d', INVISIBLE, INVISIBLE],
    ['only a byte order mark and a word joiner', '\ufeff\u2060', INVISIBLE, INVISIBLE],
    ['only Hangul fillers', '\u3164\u115f', INVISIBLE, INVISIBLE],
    ['only a braille blank', '\u2800', INVISIBLE, INVISIBLE],
    ['only spaces of other widths', '\u2003\u3000\u00a0', INVISIBLE, INVISIBLE],
    ['zero-width spaces and ordinary spaces', ' \u200b \u200b ', INVISIBLE, INVISIBLE],
    ['only a soft hyphen', '\u00ad', INVISIBLE, INVISIBLE],
    ['only variation selectors', '\ufe0f\ufe0e', INVISIBLE, INVISIBLE],
    ['a zero-width space inside visible text', 'Ex\u200bpense', 'OK', 'OK'],
    ['only line breaks (a description the caller trims to empty)', '\n\n', CONTROL, INVISIBLE],
  ];
  for (const [what, value, asName, asDescription] of cases) {
    it(`${what}: as a name ${asName}, as a description ${asDescription}`, () => {
      expect([verdict(value, 'name'), verdict(value, 'description')]).toEqual([asName, asDescription]);
    });
  }

  it('names the first character at fault by its code point', () => {
    expect(textFault('Expense \u202egpj.exe', 'name')).toBe('must not contain bidirectional embeddings, overrides or isolates (U+202E)');
    expect(textFault('a\u0000', 'description')).toBe('must not contain control characters (U+0000)');
    expect(textFault('x\u{E0041}', 'name')).toBe('must not contain tag characters outside a flag (U+E0041)');
  });
});
