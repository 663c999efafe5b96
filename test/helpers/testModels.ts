import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));

const repoRoot = join(HERE, '..', '..');
const PYTHON = '/usr/bin/python3';
const SCRIPT = join(HERE, 'export_test_models.py');

export interface TestModels {
  maskrcnn: string;
  fasterrcnn: string;
  maskrcnnBatched: string;
  renamedOutputs: string;
  classifier: string;
}

/**
 * Small random-weight ONNX models exported with Debian's torch (see export_test_models.py), cached by the
 * script's hash under node_modules/.cache. Null, with the reason printed, where that Python lacks torch.
 */
export function testModels(): TestModels | null {
  const check = spawnSync(PYTHON, ['-c', 'import torch, torchvision, onnx'], { encoding: 'utf8' });
  if (check.status !== 0) {
    console.warn(`skipping: ${PYTHON} cannot import torch, torchvision and onnx (${(check.stderr || check.error?.message || '').trim().split('\n').pop()})`);
    return null;
  }
  const hash = createHash('sha256').update(readFileSync(SCRIPT)).digest('hex').slice(0, 12);
  const dir = join(repoRoot, 'node_modules', '.cache', 'pedlab-test', `models-${hash}`);
  if (!existsSync(join(dir, 'classifier.onnx'))) {
    const temp = `${dir}.${process.pid}.tmp`;
    mkdirSync(temp, { recursive: true });
    execFileSync(PYTHON, [SCRIPT, temp], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      renameSync(temp, dir);
    } catch {
      rmSync(temp, { recursive: true, force: true });
    }
  }
  return {
    maskrcnn: join(dir, 'maskrcnn.onnx'),
    fasterrcnn: join(dir, 'fasterrcnn.onnx'),
    maskrcnnBatched: join(dir, 'maskrcnn_batched.onnx'),
    renamedOutputs: join(dir, 'renamed_outputs.onnx'),
    classifier: join(dir, 'classifier.onnx'),
  };
}
