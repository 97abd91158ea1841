/** Deeper than any log or answers file nests; deep enough nesting exhausts the stack of code that walks it. */
const MAX_JSON_DEPTH = 64;

type Frame = { object: true; keys: Set<string>; expectKey: boolean } | { object: false };

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Where the string that starts before `from` closes: the next quote not escaped (after an even run of backslashes), or the text's end. */
function closingQuote(text: string, from: number): number {
  for (let quote = text.indexOf('"', from); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    let slashes = 0;
    while (text.charCodeAt(quote - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 0) return quote;
  }
  return text.length;
}

/**
 * Reads a JSON text's structure in one pass: why it cannot be taken as one
 * record (a key given twice in one object, which JSON.parse resolves
 * silently as "last wins"; a key `__proto__`, which a JavaScript object
 * takes as its prototype, not as data; nesting deeper than MAX_JSON_DEPTH),
 * or the spans of the numbers a double cannot hold as written
 * (9007199254740993, 1e400, 1e2, 1.0), which JSON.parse would change. Whether
 * it is valid JSON at all is left to JSON.parse.
 */
function readStructure(text: string): { problem: string } | { inexact: [number, number][] } {
  const stack: Frame[] = [];
  const inexact: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      const end = closingQuote(text, i + 1);
      const top = stack[stack.length - 1];
      if (top?.object && top.expectKey) {
        let key: string;
        try {
          // Only a key with an escape needs decoding; most have none.
          const raw = text.slice(i + 1, end);
          key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        } catch {
          return { inexact };
        }
        if (key === '__proto__') return { problem: 'has a key “__proto__”, which names object structure in JavaScript and cannot be kept as a field' };
        if (top.keys.has(key)) return { problem: `has the key “${key}” twice in one object; which value is meant cannot be told` };
        top.keys.add(key);
        top.expectKey = false;
      }
      i = end;
    } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
      NUMBER.lastIndex = i;
      const token = NUMBER.exec(text)?.[0];
      if (!token) continue;
      if (JSON.stringify(Number(token)) !== token) inexact.push([i, i + token.length]);
      i += token.length - 1;
    } else if (ch === '{' || ch === '[') {
      if (stack.length >= MAX_JSON_DEPTH) return { problem: `nests deeper than ${MAX_JSON_DEPTH} levels, which no record does` };
      stack.push(ch === '{' ? { object: true, keys: new Set(), expectKey: true } : { object: false });
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      const top = stack[stack.length - 1];
      if (top?.object) top.expectKey = true;
    }
  }
  return { inexact };
}

/**
 * One JSON record's value, or the reason it cannot be read (as a row
 * rejection states it). A number a double cannot hold as written is kept as
 * its source text, a string: an id or a count is kept, never changed.
 */
export function parseJsonRecord(text: string): { value: unknown } | { reason: string } {
  const structure = readStructure(text);
  if ('problem' in structure) return { reason: structure.problem };
  let exact = text;
  for (const [from, to] of structure.inexact.reverse()) exact = `${exact.slice(0, from)}"${exact.slice(from, to)}"${exact.slice(to)}`;
  try {
    return { value: JSON.parse(exact) };
  } catch (error) {
    return { reason: `not valid JSON (${(error as Error).message})` };
  }
}
