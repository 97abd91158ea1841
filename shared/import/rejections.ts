/** A row that could not be imported: where it is, why, and what it said. */
export interface RowRejection {
  line: number;
  reason: string;
  raw: string;
}

/** One line per rejected row, as the CLI prints them and the app lists them. */
export function describeRejection(fileName: string, rejection: RowRejection): string {
  return `${fileName} line ${rejection.line}: ${rejection.reason}`;
}
