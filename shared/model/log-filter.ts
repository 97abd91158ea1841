import { z } from 'zod';

/** Which rows of a log the browser, a search or a link asks for; every part given narrows the rows. */
export const LogFilter = z.object({
  account: z.string().max(1000).optional(),
  apiKey: z.string().max(1000).optional(),
  /** One address, or a network in CIDR notation (parseIpFilter). */
  ip: z.string().max(100).optional(),
  /** UTC epoch milliseconds, inclusive. */
  from: z.number().optional(),
  to: z.number().optional(),
  /** Text the raw line must contain, ignoring case. */
  text: z.string().max(1000).optional(),
  /** An exact value of a column marked as an identifier when the log was imported. */
  identifier: z.object({ column: z.string().min(1).max(200), value: z.string().max(1000) }).optional(),
});
export type LogFilter = z.infer<typeof LogFilter>;
