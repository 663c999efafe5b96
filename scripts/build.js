// Builds everything the app runs: main/core/bench with tsc, the sandboxed preload with esbuild, the renderer with Vite.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const started = Date.now();
rmSync('dist', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
await esbuild({
  entryPoints: ['preload/index.ts'],
  outfile: 'dist/preload/index.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  external: ['electron'],
  logLevel: 'warning',
});
await viteBuild({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });
console.log(`build: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
