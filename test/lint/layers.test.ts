// The layer rules of eslint.config.js, proved on files that break them: a screen that imports
// Dexie or the device database, a client module that imports the server, a domain rule that
// imports the UI. A rule that silently stopped matching would let the layers rot unnoticed.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['src/ui/production/Broken.tsx', "import { Dexie } from 'dexie';\nexport const d = Dexie;\n"],
    ['src/ui/production/Broken.tsx', "import { openDeviceDb } from '../../client/db';\nexport const o = openDeviceDb;\n"],
    ['src/ui/shell/Broken.ts', "import type { DeviceDb } from '../../client/db';\nexport type D = DeviceDb;\n"],
    ['src/ui/shell/Broken.ts', "import { migrate } from '../../server/db/migrations';\nexport const m = migrate;\n"],
    ['src/client/Broken.ts', "import { migrate } from '../server/db/migrations';\nexport const m = migrate;\n"],
    ['src/server/Broken.ts', "import { openDeviceDb } from '../client/db';\nexport const o = openDeviceDb;\n"],
    ['src/domain/Broken.ts', "import { useState } from 'preact/hooks';\nexport const u = useState;\n"],
    ['src/domain/Broken.ts', "import { allOf } from '../client/queries/tables';\nexport const a = allOf;\n"],
  ])('%s is refused: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).not.toEqual([]);
  });

  it.each([
    ['src/ui/production/Fine.tsx', "import type { Queries } from '../../client/queries';\nexport type Q = Queries;\n"],
    ['src/ui/shell/Fine.ts', "import { observe } from '../../client/queries/live';\nexport const o = observe;\n"],
    ['src/client/queries/Fine.ts', "import { Dexie } from 'dexie';\nexport const d = Dexie;\n"],
  ])('%s is allowed', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
