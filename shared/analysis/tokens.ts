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

/** Unicode NFKC with white space folded to single spaces, the form every comparison works on. */
export function normalizeText(text: string, settings: TextSettings): string {
  const folded = text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  return settings.caseFold ? folded.toLowerCase() : folded;
}

/** Words and CJK characters, normalised, with their offsets in the original text. */
export function tokenize(text: string, settings: TextSettings): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const normal = match[0].normalize('NFKC');
    tokens.push({ text: settings.caseFold ? normal.toLowerCase() : normal, start: match.index, end: match.index + match[0].length });
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
