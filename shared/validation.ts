import { Refusal } from './errors';
import type { z } from 'zod';

/** A zod error as one readable sentence naming each field: `title: Title is required`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Parses or throws an Error whose message starts with `where` and names the fields at fault. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new Refusal(`${where}: ${describeIssues(result.error)}`, 'invalid');
  return result.data;
}
