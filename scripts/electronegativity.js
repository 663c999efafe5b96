// Runs Electronegativity over the app's sources. Fails on a finding above LOW that SECURITY.md does not explain
// (its table of reviewed findings: check id and file), and on a file it could not parse, since that file went unchecked.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const electronegativity = require('@doyensec/electronegativity');

const SCANNED = ['package.json', 'core', 'main', 'preload', 'renderer/index.html', 'renderer/src'];
// Compares the Electron version with Electron's release feed over the network: a fact about the day, not the code.
const EXCLUDED = ['availablesecurityfixesglobalcheck'];

function reviewed() {
  const text = readFileSync('SECURITY.md', 'utf8');
  return new Set([...text.matchAll(/^\| `?([A-Z_]+_CHECK)`? \| `?([^|`\s]+)`? \|/gm)].map((m) => `${m[1]} ${m[2]}`));
}

const stage = mkdtempSync(join(tmpdir(), 'pedlab-electronegativity-'));
try {
  for (const path of SCANNED) cpSync(path, join(stage, path), { recursive: true });
  const result = await electronegativity({
    input: stage,
    isRelative: true,
    customScan: [],
    excludeFromScan: EXCLUDED,
    parserPlugins: [],
  });
  const explained = reviewed();
  const seen = new Set();
  let failures = 0;
  for (const issue of result.issues) {
    const key = `${issue.id} ${issue.file}`;
    seen.add(key);
    const where = `${issue.file}:${issue.location.line}:${issue.location.column}`;
    const verdict = issue.severity.value <= 1 ? 'low' : explained.has(key) ? 'reviewed in SECURITY.md' : 'NEW';
    if (verdict === 'NEW') failures++;
    console.log(`${issue.severity.name.padEnd(13)} ${issue.confidence.name.padEnd(9)} ${issue.id} ${where} (${verdict})`);
  }
  for (const error of result.errors) {
    console.log(`${error.tolerable ? 'warning' : 'ERROR'}: could not parse ${error.file}: ${error.message}`);
    if (!error.tolerable) failures++;
  }
  for (const key of explained) if (!seen.has(key)) console.log(`note: SECURITY.md explains ${key}, which is no longer found`);
  console.log(`electronegativity: ${result.issues.length} findings, ${failures} needing attention`);
  process.exitCode = failures ? 1 : 0;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
