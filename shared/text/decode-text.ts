import { UnusableFileError } from '../errors';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/**
 * The text of an imported file. UTF-8 (with or without BOM) and UTF-16 with
 * a BOM are read; anything else (binary data, Latin-1, UTF-16 without BOM)
 * is refused rather than guessed, because a wrong guess silently changes
 * the evidence.
 */
export function decodeText(bytes: Uint8Array, fileName: string): { text: string; encoding: TextEncoding } {
  if (bytes.length === 0) throw new UnusableFileError(`${fileName} is empty`);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decodeStrict(bytes.subarray(2), 'utf-16le', fileName), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decodeStrict(bytes.subarray(2), 'utf-16be', fileName), encoding: 'utf-16be' };
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const nul = body.indexOf(0);
  if (nul >= 0) {
    throw new UnusableFileError(`${fileName} is not a text file: it contains a NUL byte at offset ${nul + (hasBom ? 3 : 0)} (binary data, or UTF-16 without a byte-order mark)`);
  }
  const text = decodeStrict(body, 'utf-8', fileName);
  if (text.trim() === '') throw new UnusableFileError(`${fileName} holds only white space`);
  return { text, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
}

/**
 * Why decoded text is no prose, or null: binary data that happens to decode
 * (random bytes behind a UTF-16 byte-order mark, or plain bytes that are
 * valid UTF-8) is full of control characters, private-use and unassigned
 * code points, which no terms page or answer has more than a stray few of.
 */
export function notTextProblem(text: string, fileName: string): string | null {
  const odd = text.match(/(?![\t\n\r\f])[\p{Cc}\p{Co}\p{Cn}]/gu)?.length ?? 0;
  return odd > Math.max(3, text.length / 200) ? `${fileName} is not text: ${odd.toLocaleString('en-US')} of its ${text.length.toLocaleString('en-US')} characters are control characters or code points no script uses (binary data read as text)` : null;
}

function decodeStrict(bytes: Uint8Array, label: string, fileName: string): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new UnusableFileError(`${fileName} is not valid ${label.toUpperCase()} text; save it as UTF-8 (or UTF-16 with a byte-order mark) and import it again`);
  }
}

/** A decoder for a file read in pieces, with the same rules as decodeText. */
export function createStreamDecoder(firstBytes: Uint8Array, fileName: string): { decode(chunk: Uint8Array, last: boolean): string; encoding: TextEncoding } {
  if (firstBytes.length === 0) throw new UnusableFileError(`${fileName} is empty`);
  const encoding: TextEncoding =
    firstBytes[0] === 0xff && firstBytes[1] === 0xfe ? 'utf-16le'
    : firstBytes[0] === 0xfe && firstBytes[1] === 0xff ? 'utf-16be'
    : firstBytes[0] === 0xef && firstBytes[1] === 0xbb && firstBytes[2] === 0xbf ? 'utf-8-bom'
    : 'utf-8';
  const decoder = new TextDecoder(encoding === 'utf-8-bom' ? 'utf-8' : encoding, { fatal: true });
  let offset = 0;
  return {
    encoding,
    decode(chunk, last) {
      if (encoding.startsWith('utf-8')) {
        const nul = chunk.indexOf(0);
        if (nul >= 0) throw new UnusableFileError(`${fileName} is not a text file: it contains a NUL byte at offset ${offset + nul}`);
      }
      offset += chunk.length;
      try {
        return decoder.decode(chunk, { stream: !last });
      } catch {
        throw new UnusableFileError(`${fileName} is not valid ${encoding.startsWith('utf-8') ? 'UTF-8' : encoding.toUpperCase()} text near byte ${offset}; save it as UTF-8 and import it again`);
      }
    },
  };
}
