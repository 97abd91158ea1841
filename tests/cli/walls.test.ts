import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint();

/** The restricted-import and database messages lint gives a file at `path` holding `code`. */
async function wallsBroken(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

test('lint keeps the walls: components and hooks import no feature, a feature reaches another only through its index.ts, Dexie only in store modules', async () => {
  const use = (from: string) => `import { x } from '${from}';\nexport const y = x;\n`;
  assert.match((await wallsBroken('renderer/components/Bad.tsx', use('../features/claims')))[0]!, /components\/ and hooks\/ serve every feature and import none/);
  assert.match((await wallsBroken('renderer/hooks/use-bad.ts', use('../features/cases/case-actions')))[0]!, /components\/ and hooks\/ serve every feature/);
  assert.match((await wallsBroken('renderer/features/analysis/Bad.tsx', use('../claims/claims-store')))[0]!, /Another feature is used only through its index\.ts/);
  assert.match((await wallsBroken('renderer/features/evidence/import/Bad.tsx', use('../../analysis/plans-store')))[0]!, /Another feature is used only through its index\.ts/);
  assert.match((await wallsBroken('renderer/features/claims/Bad.tsx', use('dexie')))[0]!, /Only store modules .* import Dexie/);
  assert.match((await wallsBroken('renderer/features/claims/Bad.tsx', `import { db } from '../../db/db';\nexport const n = db.claims.count();\n`))[0]!, /through a store module/);

  assert.deepEqual(await wallsBroken('renderer/features/analysis/Good.tsx', use('../claims')), [], 'through the index');
  assert.deepEqual(await wallsBroken('renderer/features/evidence/import/Good.tsx', use('../evidence-store')), [], 'its own feature');
  assert.deepEqual(await wallsBroken('renderer/db/good-store.ts', use('dexie')), [], 'a store module');
});
