import type { Migration } from './migration';
import { v01 } from './v01-initial';
import { v02 } from './v02-pending-imports';
import { v03 } from './v03-markers';
import { v04 } from './v04-annotation-labels';
import { v05 } from './v05-clause-citations';
import { v06 } from './v06-pair-panels';
import { v07 } from './v07-log-blocks';
import { v08 } from './v08-drop-log-entries';
import { v09 } from './v09-log-chunks';
import { v10 } from './v10-log-engine';
import { v11 } from './v11-review-modes';

/** Every schema version, in order. A change is a new file appended here, never an edit of one released. */
export const MIGRATIONS: readonly Migration[] = [v01, v02, v03, v04, v05, v06, v07, v08, v09, v10, v11];
export type { Migration };
