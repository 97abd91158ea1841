/** Makes a switch exhaustive: TypeScript rejects the call if a case is left out. */
export function missingCase(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
