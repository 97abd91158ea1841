/**
 * An IP filter as a user types it: one address (matched exactly, as the log
 * wrote it) or a network in CIDR notation, IPv4 (`47.245.61.0/24`, the form
 * the campaign analysis reports) or IPv6 (`2001:db8::/32`).
 */
export type IpFilter =
  | { kind: 'address'; address: string }
  | {
      kind: 'network';
      cidr: string;
      contains(ip: string): boolean;
      /** For IPv4 networks of 8 bits or more: the text every address in it starts with (whole octets), to narrow an index by. */
      textPrefix?: string;
    }
  | { kind: 'invalid'; problem: string };

function ipv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

function ipv6(text: string): bigint | undefined {
  if (!/^[0-9a-f:]+$/i.test(text) || text.split('::').length > 2) return undefined;
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const before = groups(head);
  const after = groups(tail);
  const missing = 8 - before.length - after.length;
  if ((tail === undefined && missing !== 0) || (tail !== undefined && missing < 1)) return undefined;
  const all = [...before, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...after];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return all.reduce((n, g) => (n << 16n) + BigInt(parseInt(g, 16)), 0n);
}

export function parseIpFilter(input: string): IpFilter {
  const text = input.trim();
  if (!text.includes('/')) return { kind: 'address', address: text };
  const [address = '', bitsText = ''] = text.split('/');
  const bits = /^\d{1,3}$/.test(bitsText) ? Number(bitsText) : NaN;
  const v4 = ipv4(address);
  if (v4 !== undefined) {
    if (!(bits >= 0 && bits <= 32)) return { kind: 'invalid', problem: `“${text}”: an IPv4 network has a prefix length from 0 to 32` };
    const shift = 32 - bits;
    const network = Math.floor(v4 / 2 ** shift);
    const octets = Math.floor(bits / 8);
    return {
      kind: 'network',
      cidr: text,
      contains: (ip) => {
        const n = ipv4(ip);
        return n !== undefined && Math.floor(n / 2 ** shift) === network;
      },
      ...(octets > 0 && { textPrefix: `${address.split('.').slice(0, octets).map(Number).join('.')}.` }),
    };
  }
  const v6 = ipv6(address);
  if (v6 !== undefined) {
    if (!(bits >= 0 && bits <= 128)) return { kind: 'invalid', problem: `“${text}”: an IPv6 network has a prefix length from 0 to 128` };
    const shift = BigInt(128 - bits);
    return {
      kind: 'network',
      cidr: text,
      contains: (ip) => {
        const n = ipv6(ip);
        return n !== undefined && n >> shift === v6 >> shift;
      },
    };
  }
  return { kind: 'invalid', problem: `“${text}” is neither an IP address nor a network in CIDR notation (such as 47.245.61.0/24)` };
}
