/** Deeper than any log or answers file nests; deep enough nesting exhausts the stack of code that walks it. */
const MAX_JSON_DEPTH = 64;

type Frame = { object: true; keys: Set<string>; expectKey: boolean } | { object: false };

/**
 * Why a JSON text cannot be taken as one record, or null: a key given
 * twice in one object (JSON.parse keeps the last silently), a key
 * `__proto__` (which a JavaScript object takes as its prototype, not as
 * data, so the value would vanish or change other fields), or nesting
 * deeper than MAX_JSON_DEPTH. One pass over the text; whether it is valid
 * JSON at all is left to JSON.parse.
 */
export function jsonStructureProblem(text: string): string | null {
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.object && top.expectKey) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, end + 1)) as string;
        } catch {
          return null;
        }
        if (key === '__proto__') return 'has a key “__proto__”, which names object structure in JavaScript and cannot be kept as a field';
        if (top.keys.has(key)) return `has the key “${key}” twice in one object; which value is meant cannot be told`;
        top.keys.add(key);
        top.expectKey = false;
      }
      i = end;
    } else if (ch === '{' || ch === '[') {
      if (stack.length >= MAX_JSON_DEPTH) return `nests deeper than ${MAX_JSON_DEPTH} levels, which no record does`;
      stack.push(ch === '{' ? { object: true, keys: new Set(), expectKey: true } : { object: false });
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      const top = stack[stack.length - 1];
      if (top?.object) top.expectKey = true;
    }
  }
  return null;
}

/** One JSON record's value, or the reason it cannot be read (as a row rejection states it). */
export function parseJsonRecord(text: string): { value: unknown } | { reason: string } {
  const problem = jsonStructureProblem(text);
  if (problem) return { reason: problem };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { reason: `not valid JSON (${(error as Error).message})` };
  }
}
