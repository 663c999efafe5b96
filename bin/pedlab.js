#!/usr/bin/env node
// The pedlab command line: runs the compiled services of main/ with plain Node.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const entry = fileURLToPath(new URL('../dist/main/cli/index.js', import.meta.url));
if (!existsSync(entry)) {
  console.error('pedlab: the app is not built yet; run `npm run build` (npm ci does it for you).');
  process.exit(2);
}
const { main } = await import(pathToFileURL(entry).href);
process.exitCode = await main(process.argv.slice(2));
