import { UsageError } from './case-file';
import { installNativeSha256 } from '../node/native-hash';
import { Refusal } from '../shared/errors';
import { INFO_USAGE, infoCommand } from './commands/info';
import { ANALYZE_USAGE, analyzeCommand } from './commands/analyze';
import { IMPORT_USAGE, importCommand } from './commands/import';
import { INIT_USAGE, initCommand } from './commands/init';
import { MATCH_PROMPTS_USAGE, matchPromptsCommand } from './commands/match-prompts';
import { PLAN_USAGE, planCommand } from './commands/plan';
import { REDLINE_USAGE, redlineCommand } from './commands/redline';
import { BUNDLE_USAGE, bundleCommand } from './commands/bundle';
import { IDENTITY_USAGE, identityCommand } from './commands/identity';
import { SEAL_USAGE, sealCommand } from './commands/seal';
import { BIND_USAGE, bindCommand } from './commands/bind';
import { EDIT_USAGE, editCommand } from './commands/edit';
import { MARKERS_USAGE, markersCommand } from './commands/markers';
import { REMOVE_SOURCE_USAGE, removeSourceCommand } from './commands/remove-source';
import { UNDO_USAGE, undoCommand } from './commands/undo';
import { MERGE_USAGE, mergeCommand } from './commands/merge';
import { REVIEW_USAGE, SIGN_OFF_USAGE, reviewCommand, signOffCommand } from './commands/review';
import { VERIFY_USAGE, verifyCommand } from './commands/verify';
import { QUERY_PACK_USAGE, queryPackCommand } from './commands/query-pack';
import { RUN_QUERY_PACK_USAGE, runQueryPackCommand } from './commands/run-query-pack';

// Every command hashes originals and archive entries as it reads them: natively here, not in JavaScript.
installNativeSha256();

const USAGE = ['usage: npm run -s cli -- <command>', '', 'commands:', `  ${INIT_USAGE}`, `  ${INFO_USAGE}`, `  ${EDIT_USAGE}`, `  ${IMPORT_USAGE}`, `  ${REMOVE_SOURCE_USAGE}`, `  ${UNDO_USAGE}`, `  ${MERGE_USAGE}`, `  ${REVIEW_USAGE}`, `  ${SIGN_OFF_USAGE}`, `  ${MARKERS_USAGE}`, `  ${PLAN_USAGE}`, `  ${ANALYZE_USAGE}`, `  ${MATCH_PROMPTS_USAGE}`, `  ${QUERY_PACK_USAGE}`, `  ${RUN_QUERY_PACK_USAGE}`, `  ${REDLINE_USAGE}`, `  ${IDENTITY_USAGE}`, `  ${SEAL_USAGE}`, `  ${BIND_USAGE}`, `  ${BUNDLE_USAGE}`, `  ${VERIFY_USAGE}`].join('\n');

const COMMANDS: Record<string, (args: string[], out: (line: string) => void) => Promise<void>> = {
  init: initCommand,
  info: infoCommand,
  import: importCommand,
  plan: planCommand,
  analyze: analyzeCommand,
  'match-prompts': matchPromptsCommand,
  'query-pack': queryPackCommand,
  'run-query-pack': runQueryPackCommand,
  redline: redlineCommand,
  identity: identityCommand,
  seal: sealCommand,
  bind: bindCommand,
  edit: editCommand,
  markers: markersCommand,
  'remove-source': removeSourceCommand,
  undo: undoCommand,
  merge: mergeCommand,
  review: reviewCommand,
  'sign-off': signOffCommand,
  bundle: bundleCommand,
  verify: verifyCommand,
};

/** Runs one command; returns the exit code: 0 done, 1 refused, 2 usage error. */
export async function runCli(argv: string[], out = (line: string) => console.log(line), err = (line: string) => console.error(line)): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === 'help') {
    (name ? out : err)(USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    err(`Unknown command “${name}”\n${USAGE}`);
    return 2;
  }
  try {
    await command(args, out);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      err((error as Error).message);
      return 2;
    }
    // Every refusal (a file that cannot be read, a damaged archive, a wrong passphrase...) is the user's to fix: its message, exit 1.
    if (error instanceof Refusal) {
      err(error.message);
      return 1;
    }
    err(`Failed: ${(error as Error).stack ?? String(error)}`);
    return 1;
  }
}

if (process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1])) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
