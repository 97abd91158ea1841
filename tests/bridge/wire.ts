// JSON with bytes: Uint8Array travels as {"$bytes": base64}. Used on both
// sides of the test bridge (browser and Node both have btoa/atob).

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) {
      let binary = '';
      for (let i = 0; i < v.length; i += 0x8000) binary += String.fromCharCode(...v.subarray(i, i + 0x8000));
      return { $bytes: btoa(binary) };
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
      return bytes;
    }
    return v;
  });
}
