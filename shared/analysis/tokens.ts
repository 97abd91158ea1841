/** A token of a text: its normalised form and where it stands in the original (UTF-16 offsets). */
export interface Token {
  text: string;
  start: number;
  end: number;
}

export interface TextSettings {
  /** Fold case before comparing (Unicode-aware lower case). */
  caseFold: boolean;
}

// Chinese, Japanese and Korean are written without spaces between words, so
// each of their characters is a token; other scripts are split into words.
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}';
/** One letter, digit or mark of a script written with spaces between words. */
export const WORD_CHAR = `(?:(?![${CJK}])[\\p{L}\\p{N}\\p{M}])`;
const TOKEN = new RegExp(`[${CJK}]|${WORD_CHAR}+(?:['’]${WORD_CHAR}+)*`, 'gu');
const CJK_CHAR = new RegExp(`^[${CJK}]$`, 'u');

// NFKC leaves printable ASCII as it is: skipping the call for it saves a quarter of the tokeniser's time on English.
const PRINTABLE_ASCII = /^[\t\n\r -~]*$/;

/** Unicode NFKC with white space folded to single spaces, the form every comparison works on. */
export function normalizeText(text: string, settings: TextSettings): string {
  const folded = (PRINTABLE_ASCII.test(text) ? text : text.normalize('NFKC')).replace(/\s+/gu, ' ').trim();
  return settings.caseFold ? folded.toLowerCase() : folded;
}

// Thai, Lao, Khmer and Myanmar are written without spaces between words
// too, but their characters are not words: Unicode's word segmentation
// (ICU's dictionaries, through Intl.Segmenter) finds the words.
const UNSPACED = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Words and CJK characters, normalised, with their offsets in the original text. */
export function tokenize(text: string, settings: TextSettings): Token[] {
  const tokens: Token[] = [];
  const add = (word: string, start: number) => {
    const normal = PRINTABLE_ASCII.test(word) ? word : word.normalize('NFKC');
    tokens.push({ text: settings.caseFold ? normal.toLowerCase() : normal, start, end: start + word.length });
  };
  for (const match of text.matchAll(TOKEN)) {
    if (!UNSPACED.test(match[0])) add(match[0], match.index);
    else for (const part of segmenter.segment(match[0])) if (part.isWordLike) add(part.segment, match.index + part.index);
  }
  return tokens;
}

export function isCjkToken(token: string): boolean {
  return CJK_CHAR.test(token);
}

/** Mostly CJK text is compared by character bigrams rather than word trigrams. */
export function isMostlyCjk(tokens: readonly Token[]): boolean {
  let cjk = 0;
  for (const t of tokens) if (isCjkToken(t.text)) cjk++;
  return tokens.length > 0 && cjk / tokens.length > 0.5;
}
