/** A count with its noun, as the app, the CLI and the bundle write one: "1 account", "1,018 requests". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
