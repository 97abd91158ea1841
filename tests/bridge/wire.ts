// JSON with binary: a Uint8Array travels as {"$bytes": base64}, an Int32Array
// or Float64Array (a log chunk's columns, NaN included) as {"$bytes", "$array"}.
// Used on both sides of the test bridge (browser and Node both have btoa/atob).

const TYPED = { Int32Array, Float64Array } as const;
type TypedName = keyof typeof TYPED;

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) return { $bytes: base64(v) };
    for (const name of Object.keys(TYPED) as TypedName[]) {
      if (v instanceof TYPED[name]) return { $bytes: base64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)), $array: name };
    }
    return v;
  });
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && '$bytes' in v && typeof v.$bytes === 'string') {
      const binary = atob(v.$bytes);
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      const array = (v as { $array?: unknown }).$array;
      return typeof array === 'string' && Object.hasOwn(TYPED, array) ? new TYPED[array as TypedName](bytes.buffer) : bytes;
    }
    return v;
  });
}
