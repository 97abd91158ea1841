// Control characters (C0, DEL, C1), bidirectional overrides and isolates, which can make a name read as another.
const INVISIBLE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;
// Path separators and what Windows forbids in a name.
const RESERVED = /[\\/:*?"<>|]/g;
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/**
 * A name safe to give a file someone else's tool will write: no separators,
 * no control or direction characters, no leading or trailing dots or spaces
 * (so never `..` or a hidden file), no Windows device name, at most
 * `maxLength` characters with the extension kept; `fallback` when nothing
 * is left. Names come from archives, imports and case titles, which anyone
 * can set; the name as given is kept wherever the file is described.
 */
export function safeFileName(name: string, fallback: string, maxLength = 120): string {
  let safe = name.replace(INVISIBLE, '').replace(RESERVED, '_').replace(/\s+/g, ' ').replace(/^[\s.]+|[\s.]+$/g, '');
  if (WINDOWS_DEVICES.test(safe)) safe = `_${safe}`;
  if (safe.length > maxLength) {
    const extension = /\.[^.\s]{1,10}$/.exec(safe)?.[0] ?? '';
    safe = safe.slice(0, maxLength - extension.length).replace(/[\s.]+$/, '') + extension;
  }
  return safe || fallback;
}
