// Lint for the whole tree: typescript-eslint's recommended rules, the rules of hooks for the renderer, and the
// layering of docs/ARCHITECTURE.md ("may import") as import restrictions per folder. Formatting is Prettier's
// (`npm run lint` runs `prettier --check` after ESLint); eslint-config-prettier turns off what would clash with it.
import { builtinModules } from 'node:module';
import eslintComments from '@eslint-community/eslint-plugin-eslint-comments';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

const CODE = ['**/*.{ts,tsx,js,mjs,cjs}'];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const packages = (names) => `^(${names.map(escape).join('|')})(/|$)`;

const nodeBuiltins = [...new Set(builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.split('/')[0]))];
const BANS = {
  node: { regex: `^node:|${packages(nodeBuiltins)}`, message: 'Node built-ins belong in main/ (docs/ARCHITECTURE.md).' },
  electron: { regex: packages(['electron']), message: 'Only main/electron/ and preload/ import electron (docs/ARCHITECTURE.md).' },
  dom: {
    regex: packages(['react', 'react-dom', 'react-konva', 'konva', 'scheduler']),
    message: 'React, Konva and other DOM modules belong in renderer/ (docs/ARCHITECTURE.md).',
  },
  services: {
    regex: packages(['better-sqlite3', 'sharp', 'onnxruntime-node', 'onnxruntime-web', 'onnxruntime-common']),
    message: 'better-sqlite3, sharp and onnxruntime are main/ services (docs/ARCHITECTURE.md).',
  },
};

/**
 * The import restrictions for the files under `dir`: none of `bans`, and no relative import that leaves `dir`'s
 * top folder for one outside `mayImport`. A file d folders below the root reaches the root with d `../`, so one
 * config per depth gives the exact regex; `ignores` hands sub-folders with their own table to another call.
 */
function layer(dir, mayImport, bans, ignores = []) {
  const base = dir.split('/').length;
  const patterns = bans.map((b) => ({ regex: BANS[b].regex, message: BANS[b].message }));
  return Array.from({ length: 12 }, (_, below) => {
    const up = `^(\\.\\./){${base + below}}`;
    const outside = { regex: `${up}(?!(${mayImport.join('|')})/)`, message: `${dir}/ may import only ${mayImport.join(', ')} (docs/ARCHITECTURE.md).` };
    const all = [...patterns, outside];
    // import('x') and typeof import('x') are not seen by no-restricted-imports; esquery regexes cannot hold a '/'.
    const re = all
      .map((p) => `(${p.regex})`)
      .join('|')
      .replaceAll('/', '\\x2F');
    const message = `${dir}/ may import only ${mayImport.join(', ')} and no ${bans.join(', ')} module (docs/ARCHITECTURE.md).`;
    return {
      files: [`${dir}/${'*/'.repeat(below)}*.{ts,tsx}`],
      ignores,
      rules: {
        '@typescript-eslint/no-restricted-imports': ['error', { patterns: all }],
        'no-restricted-syntax': [
          'error',
          { selector: `ImportExpression[source.value=/${re}/]`, message },
          { selector: `TSImportType[source.value=/${re}/]`, message },
          { selector: `CallExpression[callee.name='require'][arguments.0.value=/${re}/]`, message },
        ],
      },
    };
  });
}

export default defineConfig(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'models/.train/**'] },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@eslint-community/eslint-comments': eslintComments },
    rules: {
      // The rules of hooks are kept by fixing the code, never by a comment; nor may a comment switch off all rules.
      '@eslint-community/eslint-comments/no-restricted-disable': ['error', 'react-hooks/*'],
      '@eslint-community/eslint-comments/no-unlimited-disable': 'error',
    },
  },
  { files: CODE, extends: [tseslint.configs.recommended] },
  {
    files: CODE,
    rules: {
      // The code drops a key by destructuring it beside `...rest`: `({ iou: _iou, ...rest }) => rest`.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // Tests reach into parsed JSON documents (fixtures, written files, malformed variants of them) as `any`.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  ...layer('core', ['core'], ['node', 'electron', 'dom', 'services']),
  ...layer('main', ['core', 'main'], ['electron', 'dom'], ['main/electron/**']),
  ...layer('main/electron', ['core', 'main'], ['dom']),
  ...layer('preload', ['core', 'preload'], ['node', 'dom', 'services']),
  ...layer('renderer/src', ['core', 'renderer'], ['node', 'electron', 'services']),
  prettier,
);
