const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  let id = '';
  for (const b of bytes) id += ALPHABET[b & 31];
  return id;
}

let source: () => string = randomId;

/**
 * A random 20-character id (100 bits). Random rather than sequential so that
 * records from archives opened on different laptops never collide.
 */
export function newId(): string {
  return source();
}

/**
 * Runs `build` with ids drawn from a seeded generator instead, so the demo
 * fixture is byte-for-byte the same on every run. Synchronous on purpose:
 * nothing else can draw an id while it runs.
 */
export function withSeededIds<T>(random: () => number, build: () => T): T {
  const previous = source;
  source = () => Array.from({ length: 20 }, () => ALPHABET[Math.floor(random() * 32)]).join('');
  let built: T;
  try {
    built = build();
  } catch (error) {
    source = previous;
    throw error;
  }
  // An async build keeps the seeded ids until it settles (nothing else may make ids meanwhile).
  if (built instanceof Promise) return built.finally(() => (source = previous)) as T;
  source = previous;
  return built;
}
