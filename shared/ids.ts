const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A random 20-character id (100 bits). Random rather than sequential so that
 * records from archives opened on different laptops never collide.
 */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(20));
  let id = '';
  for (const b of bytes) id += ALPHABET[b & 31];
  return id;
}
