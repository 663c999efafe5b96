import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layering of docs/ARCHITECTURE.md as eslint.config.js encodes it, checked on code that exists only here:
// each case is linted as if it were the file at `path`.
const eslint = new ESLint({ cwd: resolve('.') });

async function layeringErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(path) });
  return result.messages
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => `${m.ruleId}: ${m.message}`);
}

const refused = [
  { path: 'core/eval/sample.ts', code: "import { ProjectService } from '../../main/project/projectService.js';\nexport const s = ProjectService;\n" },
  { path: 'core/sample.ts', code: "import { openDatabase } from '../main/store/database.js';\nexport const o = openDatabase;\n" },
  { path: 'core/eval/missRate/sample.ts', code: "export type { Api } from '../../../renderer/src/api/client.js';\n" },
  { path: 'core/eval/sample.ts', code: "import { useState } from 'react';\nexport const u = useState;\n" },
  { path: 'core/eval/sample.ts', code: "import type { ReactNode } from 'react';\nexport type N = ReactNode;\n" },
  { path: 'core/eval/sample.ts', code: "export type K = typeof import('konva');\n" },
  { path: 'core/formats/sample.ts', code: "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n" },
  { path: 'core/formats/sample.ts', code: "import { join } from 'path';\nexport const j = join;\n" },
  { path: 'core/formats/sample.ts', code: "export const load = () => import('sharp');\n" },
  { path: 'main/store/sample.ts', code: "import { app } from 'electron';\nexport const a = app;\n" },
  { path: 'main/store/sample.ts', code: "import type { BrowserWindow } from 'electron';\nexport type W = BrowserWindow;\n" },
  { path: 'main/sample.ts', code: "import { App } from '../renderer/src/App.js';\nexport const a = App;\n" },
  { path: 'main/project/sample.ts', code: "import { loadFixture } from '../../test/helpers/fixtures.js';\nexport const l = loadFixture;\n" },
  { path: 'renderer/src/sample.ts', code: "import Database from 'better-sqlite3';\nexport const d = Database;\n" },
  { path: 'renderer/src/compare/sample.ts', code: "import type { Database } from 'better-sqlite3';\nexport type D = Database;\n" },
  {
    path: 'renderer/src/compare/sample.ts',
    code: "import { ProjectService } from '../../../main/project/projectService.js';\nexport const p = ProjectService;\n",
  },
  { path: 'renderer/src/compare/sample.ts', code: "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n" },
  { path: 'renderer/src/canvas/layers/sample.ts', code: "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n" },
  { path: 'preload/sample.ts', code: "import { openDatabase } from '../main/store/database.js';\nexport const o = openDatabase;\n" },
];

const allowed = [
  { path: 'core/eval/sample.ts', code: "import { z } from 'zod';\nimport { iou } from '../geometry/box.js';\nexport const s = [z, iou];\n" },
  { path: 'core/eval/missRate/sample.ts', code: "import type { GroundTruth } from '../../eval/types.js';\nexport type G = GroundTruth;\n" },
  {
    path: 'main/store/sample.ts',
    code: "import Database from 'better-sqlite3';\nimport { join } from 'node:path';\nimport { channels } from '../../core/ipc/channels.js';\nexport const d = [Database, join, channels];\n",
  },
  {
    path: 'main/electron/sample.ts',
    code: "import { app } from 'electron';\nimport { ProjectService } from '../project/projectService.js';\nexport const a = [app, ProjectService];\n",
  },
  {
    path: 'preload/sample.ts',
    code: "import { contextBridge } from 'electron';\nimport { channels } from '../core/ipc/channels.js';\nexport const c = [contextBridge, channels];\n",
  },
  {
    path: 'renderer/src/compare/sample.ts',
    code: "import { useState } from 'react';\nimport { iou } from '../../../core/geometry/box.js';\nimport { client } from '../api/client.js';\nexport const u = [useState, iou, client];\n",
  },
  {
    path: 'test/integration/sample.ts',
    code: "import { app } from 'electron';\nimport { App } from '../../renderer/src/App.js';\nexport const a = [app, App];\n",
  },
];

describe('the layering lint (docs/ARCHITECTURE.md, "may import")', () => {
  it.each(refused)('refuses $path: $code', async ({ path, code }) => {
    const errors = await layeringErrors(path, code);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/docs\/ARCHITECTURE\.md/);
  });

  it.each(allowed)('allows $path: $code', async ({ path, code }) => {
    expect(await layeringErrors(path, code)).toEqual([]);
  });

  it('names the rule broken: a core/ file importing main/, a main/store/ file importing electron, a renderer/ file importing better-sqlite3', async () => {
    expect(await layeringErrors('core/eval/sample.ts', "import { x } from '../../main/services.js';\nexport const y = x;\n")).toEqual([
      "@typescript-eslint/no-restricted-imports: '../../main/services.js' import is restricted from being used by a pattern. core/ may import only core (docs/ARCHITECTURE.md).",
    ]);
    expect(await layeringErrors('main/store/sample.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([
      "@typescript-eslint/no-restricted-imports: 'electron' import is restricted from being used by a pattern. Only main/electron/ and preload/ import electron (docs/ARCHITECTURE.md).",
    ]);
    expect(await layeringErrors('renderer/src/sample.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n")).toEqual([
      "@typescript-eslint/no-restricted-imports: 'better-sqlite3' import is restricted from being used by a pattern. better-sqlite3, sharp and onnxruntime are main/ services (docs/ARCHITECTURE.md).",
    ]);
  });
});
