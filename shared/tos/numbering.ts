/**
 * The numbering a clause opens with, as lawyers write it: `1.`, `1.1`,
 * `A.`, `A.1.a.`, `(a)`, `a)`, `(iv)`, `IV.`, `Section 3.2(a)`, `Article IV`,
 * `§ 4`, `第一条`, `一、`, `（一）`. Letters that are also Roman numerals
 * (`C.`, `(i)`, `(v)`) are left open here and decided by what came before.
 */
export interface Numbering {
  /** What a list of siblings shares: family, case and delimiter (`alpha-lower-paren`). Empty for absolute numbers. */
  key: string;
  /** Absolute numbers (`2.1`, `A.1.a`, `Section 3.2(a)`) carry their parents; relative ones are joined to them. */
  absolute: boolean;
  /** The number as cited: `2.1`, `a`, `IV`, `第一条`. */
  part: string;
  /** How a relative part joins its parent: `2` + `(a)` is `2(a)`, `A` + `1` is `A.1`, `第三条` + `（一）` is `第三条（一）`. */
  join: '.' | '(' | '';
  /** For a letter that is also a Roman numeral: the other reading. */
  alternative?: Numbering;
  /** The text after the number. */
  rest: string;
}

const ROMAN = /^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/i;
const CHINESE_NUMERAL = '[一二三四五六七八九十百零〇两]+';

const isRoman = (token: string) => token !== '' && ROMAN.test(token);

function romanValue(token: string): number {
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  let total = 0;
  const lower = token.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const v = values[lower[i]!]!;
    const next = values[lower[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

function alphaValue(token: string): number {
  let n = 0;
  for (const ch of token.toLowerCase()) n = n * 26 + (ch.charCodeAt(0) - 96);
  return n;
}

function letters(token: string, delimiter: 'paren' | 'close' | 'dot', rest: string): Numbering | null {
  const lower = token === token.toLowerCase();
  const caseName = lower ? 'lower' : 'upper';
  const join = delimiter === 'dot' ? '.' : '(';
  const roman: Numbering | null = isRoman(token) ? { key: `roman-${caseName}-${delimiter}`, absolute: false, part: token, join, rest } : null;
  const isLetters = /^([a-z])\1*$/i.test(token) && token.length <= 2;
  const alpha: Numbering | null = isLetters ? { key: `alpha-${caseName}-${delimiter}`, absolute: false, part: token, join, rest } : null;
  if (alpha && roman) return { ...alpha, alternative: roman };
  return alpha ?? roman;
}

/** The numbering at the start of a text, or null. */
export function numberingOf(input: string): Numbering | null {
  // Emphasis marks CommonMark left as text (`**1. Title.**Word` has no closing run) are not part of the number.
  const text = input.replace(/^[\s\u200b\u2060\ufeff*_]+/, '');
  let m: RegExpExecArray | null;
  const after = (length: number) => text.slice(length).replace(/^[\s.:)\u2013\u2014-]*\s*/, '');

  // "Section 4" is cited as 4 wherever it stands: the number is the whole citation.
  if ((m = /^(?:section|article|clause|§§?)\s*((?:[A-Z]\.)?\d+(?:\.\d+)*(?:\([a-z0-9]{1,5}\))*|[IVXLCDM]+)(?!\w)\.?/i.exec(text))) {
    return { key: '', absolute: true, part: m[1]!, join: '.', rest: after(m[0].length) };
  }
  // Chinese articles (第一条) are numbered through the whole document and cited alone; chapters and sections (第一章) hold them.
  if ((m = new RegExp(`^第(${CHINESE_NUMERAL}|\\d+)条`).exec(text))) return { key: '', absolute: true, part: m[0], join: '', rest: after(m[0].length) };
  if ((m = new RegExp(`^第(${CHINESE_NUMERAL}|\\d+)([章节款编部])`).exec(text))) return { key: `zh-${m[2]}`, absolute: false, part: m[0], join: '', rest: after(m[0].length) };
  if ((m = new RegExp(`^(${CHINESE_NUMERAL})[、．.]`).exec(text))) return { key: 'zh-enum', absolute: false, part: m[1]!, join: '.', rest: after(m[0].length) };
  if ((m = new RegExp(`^[（(](${CHINESE_NUMERAL})[）)]`).exec(text))) return { key: 'zh-paren', absolute: false, part: `（${m[1]}）`, join: '', rest: after(m[0].length) };
  if ((m = /^([A-Z])\.(\d+)((?:\.\d+)*)(?:\.([a-z])(?![a-z]))?\.?(?![\d])/.exec(text))) {
    return { key: '', absolute: true, part: `${m[1]}.${m[2]}${m[3]}${m[4] ? `.${m[4]}` : ''}`, join: '.', rest: after(m[0].length) };
  }
  if ((m = /^(\d{1,3}(?:\.\d{1,3})*)\.([A-Za-z])\.?(?=\s)/.exec(text))) return { key: '', absolute: true, part: `${m[1]}.${m[2]}`, join: '.', rest: after(m[0].length) };
  if ((m = /^(\d{1,3}(?:\.\d{1,3})+)((?:\([a-z0-9]{1,5}\))*)\.?(?![\d])/i.exec(text))) {
    return { key: '', absolute: true, part: `${m[1]}${m[2]}`, join: '.', rest: after(m[0].length) };
  }
  if ((m = /^(\d{1,3})([.)])(?=[\s\p{L}(“"*]|$)/u.exec(text))) return { key: `decimal-${m[2] === '.' ? 'dot' : 'close'}`, absolute: false, part: m[1]!, join: m[2] === '.' ? '.' : '(', rest: after(m[0].length) };
  if ((m = /^\((\d{1,3})\)/.exec(text))) return { key: 'decimal-paren', absolute: false, part: m[1]!, join: '(', rest: after(m[0].length) };
  if ((m = /^\(([A-Za-z]{1,6})\)/.exec(text))) return letters(m[1]!, 'paren', after(m[0].length));
  if ((m = /^([A-Za-z]{1,6})\)(?=\s)/.exec(text))) return letters(m[1]!, 'close', after(m[0].length));
  if ((m = /^([A-Za-z]{1,6})\.(?=\s)/.exec(text))) {
    const token = m[1]!;
    // "Mr." or "No." are words, not numbers: a dotted token is one letter or a Roman numeral.
    if (token.length === 1 || isRoman(token)) return letters(token, 'dot', after(m[0].length));
  }
  return null;
}

/** True when a line opens with a clause number: used by the plain-text and PDF readers to start a block. */
export function startsWithNumbering(text: string): boolean {
  return numberingOf(text) !== null;
}

/** 1 → a, 26 → z, 27 → aa, as lists letter their items. */
export function alphaOf(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(97 + ((k - 1) % 26)) + out;
  return out;
}

/** 4 → IV. */
export function romanOf(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let rest = n;
  for (const [value, symbols] of table) {
    while (rest >= value) {
      out += symbols;
      rest -= value;
    }
  }
  return out;
}

/** The number a sibling after `part` would have in the same family, in the same case. */
export function successorOf(key: string, part: string): string {
  const sameCase = (next: string) => (part === part.toLowerCase() ? next.toLowerCase() : next.toUpperCase());
  if (key.startsWith('alpha')) return sameCase(part.length === 2 ? alphaOf(alphaValue(part[0]!) + 1).repeat(2) : alphaOf(alphaValue(part) + 1));
  if (key.startsWith('roman')) return sameCase(romanOf(romanValue(part) + 1));
  return String(Number(part) + 1);
}
