import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapClasses } from '../../../core/detect/classes.js';
import type { ImageDetection } from '../../../core/detect/types.js';
import { rleFromCoco } from '../../../core/masks/rleString.js';
import { ModelWorker } from '../../../main/inference/inferenceWorkerClient.js';
import { readOnnxMetadata } from '../../../main/inference/onnxMetadata.js';
import { useSourceInferenceWorker } from '../../helpers/inferenceWorker.js';
import { detectAll, settingsFor, syntheticPicture } from '../../helpers/inferenceImages.js';
import { SHARED, TV_IMAGE_05 } from '../../helpers/shared.js';
import { tempDir } from '../../helpers/tempDir.js';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const PYTHON = '/usr/bin/python3';
const EXPORT = join(repoRoot, 'models', 'export.py');

const check = spawnSync(PYTHON, ['-c', 'import torch, torchvision, onnx'], { encoding: 'utf8' });
const hasTorch = check.status === 0;
if (!hasTorch) {
  console.warn(`skipping: ${PYTHON} cannot import torch, torchvision and onnx (${(check.stderr || check.error?.message || '').trim().split('\n').pop()})`);
}

function python(args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(PYTHON, args, { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
}

/** Detections have a box inside the image, a score, the model's class, and a mask of the image's size exactly when `withMasks`. */
function expectDetections(found: ImageDetection[], width: number, height: number, withMasks: boolean): void {
  expect(found.length).toBeGreaterThan(0);
  for (const d of found) {
    expect(d.bbox).toHaveLength(4);
    const [x, y, w, h] = d.bbox;
    expect(x).toBeGreaterThanOrEqual(0);
    expect(y).toBeGreaterThanOrEqual(0);
    expect(w).toBeGreaterThanOrEqual(0);
    expect(h).toBeGreaterThanOrEqual(0);
    expect(x + w).toBeLessThanOrEqual(width + 1e-3);
    expect(y + h).toBeLessThanOrEqual(height + 1e-3);
    expect(d.score).toBeGreaterThanOrEqual(0.05);
    expect(d.score).toBeLessThanOrEqual(1);
    expect(d.classIndex).toBe(1);
    expect(d.category).toBe('pedestrian');
    if (!withMasks) {
      expect(d.mask).toBeNull();
      continue;
    }
    expect(d.mask!.size).toEqual([height, width]);
    const rle = rleFromCoco(d.mask!.size, d.mask!.counts);
    expect(rle.counts.every((c) => Number.isInteger(c) && c >= 0)).toBe(true);
    expect(rle.counts.reduce((a, b) => a + b, 0)).toBe(width * height);
  }
}

describe.skipIf(!hasTorch)('models/export.py on checkpoints users bring', () => {
  const dir = tempDir('pedlab-export-');
  const ckpt = (name: string) => join(dir.path, name);
  const workers: ModelWorker[] = [];
  let picture: string;
  let synthetic: string;

  async function open(path: string): Promise<{ worker: ModelWorker; info: Awaited<ReturnType<ModelWorker['open']>> }> {
    const worker = new ModelWorker();
    workers.push(worker);
    return { worker, info: await worker.open(path, 2) };
  }

  beforeAll(async () => {
    await useSourceInferenceWorker();
    await python([join(repoRoot, 'test', 'helpers', 'export_checkpoints.py'), dir.path]);
    synthetic = await syntheticPicture(join(dir.path, 'street.png'), 400, 300);
    picture = existsSync(join(SHARED, ...TV_IMAGE_05)) ? join(SHARED, ...TV_IMAGE_05) : await syntheticPicture(join(dir.path, 'wide.png'), 567, 438);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    dir.remove();
  });

  it('exports a Pedlab variant (configs/mnv3fpn.json), matches PyTorch, and runs as a Mask R-CNN at any image size', async () => {
    const out = ckpt('mnv3fpn.onnx');
    const { stdout } = await python([EXPORT, '--ckpt', ckpt('mnv3fpn.pt'), '--out', out, '--images', picture, '--check-images', '1']);
    expect(stdout).toContain('onnx.checker OK');
    expect(stdout).toContain('EXPORT CHECK: PASS');

    const { worker, info } = await open(out);
    expect(info.signature).toEqual({
      kind: 'maskrcnn',
      input: 'image',
      batched: false,
      fixedSize: null,
      outputs: { boxes: 'boxes', labels: 'labels', scores: 'scores', masks: 'masks' },
    });
    expect(info.classes).toEqual(['background', 'pedestrian']);
    expect(info.variant).toBe('mnv3fpn');
    const [wide, small] = await detectAll(worker, [picture, synthetic], settingsFor(mapClasses(info.classes!, ['pedestrian'])));
    expectDetections(wide, 567, 438, true);
    expectDetections(small, 400, 300, true);
  }, 240_000);

  it("exports the tutorial's MobileNetV2 Faster R-CNN with its class names, and runs it without masks", async () => {
    const out = ckpt('mobilenet_v2.onnx');
    const { stdout } = await python([
      EXPORT,
      '--arch',
      'mobilenet_v2',
      '--classes',
      'person',
      '--ckpt',
      ckpt('mobilenet_v2.pt'),
      '--images',
      picture,
      '--check-images',
      '0',
    ]);
    expect(stdout).toContain(`wrote ${out}`);
    expect(stdout).toContain('onnx.checker OK');

    const { properties } = readOnnxMetadata(readFileSync(out));
    expect(properties).toMatchObject({ pedlab_variant: 'mobilenet_v2', min_size_test: '800', max_size: '1333' });
    const { worker, info } = await open(out);
    expect(info.signature).toMatchObject({ kind: 'fasterrcnn', input: 'image', outputs: { boxes: 'boxes', labels: 'labels', scores: 'scores', masks: null } });
    expect(info.classes).toEqual(['background', 'person']);
    const [wide, small] = await detectAll(worker, [picture, synthetic], settingsFor(mapClasses(info.classes!, ['pedestrian'])));
    expectDetections(wide, 567, 438, false);
    expectDetections(small, 400, 300, false);
  }, 240_000);

  it("loads the tutorial Mask R-CNN's state dict (FrozenBatchNorm2d, 3 classes) and refuses a wrong class count", async () => {
    const load = [
      'import json, sys, torch',
      'sys.path.insert(0, "models")',
      'import export',
      'path = sys.argv[1]',
      'saved = torch.load(path)',
      'model = export.load_tutorial_model(path, "tutorial", 3)',
      'state = model.state_dict()',
      'print(json.dumps({"masks": model.roi_heads.has_mask(), "classes": model.roi_heads.box_predictor.cls_score.out_features,',
      '  "equal": all(torch.equal(state[k], v) for k, v in saved.items()), "added": sorted(set(state) - set(saved))}))',
    ].join('\n');
    const { stdout } = await python(['-c', load, ckpt('tutorial.pt')]);
    const loaded = JSON.parse(stdout) as { masks: boolean; classes: number; equal: boolean; added: string[] };
    expect(loaded).toMatchObject({ masks: true, classes: 3, equal: true });
    expect(loaded.added.length).toBeGreaterThan(0);
    expect(loaded.added.every((k) => k.startsWith('backbone.body.') && k.endsWith('.num_batches_tracked'))).toBe(true);

    const wrongCount = python([EXPORT, '--arch', 'tutorial', '--ckpt', ckpt('tutorial.pt'), '--out', ckpt('never.onnx')]);
    await expect(wrongCount).rejects.toThrow(/size mismatch for roi_heads\.box_predictor\.cls_score\.weight/);
    const wrongNames = python([EXPORT, '--arch', 'tutorial', '--num-classes', '3', '--classes', 'a,b,c,d', '--ckpt', ckpt('tutorial.pt')]);
    await expect(wrongNames).rejects.toThrow(/--classes needs 3 names \(or 2 without background\)/);
    expect(existsSync(ckpt('never.onnx'))).toBe(false);
  }, 120_000);
  it("exports the tutorial's Mask R-CNN (ResNet-50 + FPN) with fp16 weights, and runs it with masks", async () => {
    const out = ckpt('tutorial.onnx');
    const args = ['--arch', 'tutorial', '--num-classes', '3', '--classes', 'pedestrian,bicycle', '--ckpt', ckpt('tutorial.pt')];
    const { stdout } = await python([EXPORT, ...args, '--images', picture, '--check-images', '0']);
    expect(stdout).toContain(`wrote ${out}`);
    expect(stdout).toContain('onnx.checker OK');
    // 44 M parameters: about 176 MB as fp32, half that with fp16 initializers.
    expect(statSync(out).size).toBeGreaterThan(80e6);
    expect(statSync(out).size).toBeLessThan(100e6);

    const { worker, info } = await open(out);
    expect(info.signature).toMatchObject({ kind: 'maskrcnn', input: 'image', batched: false, outputs: { masks: 'masks' } });
    expect(info.classes).toEqual(['background', 'pedestrian', 'bicycle']);
    expect(info.variant).toBe('tutorial');
    const [wide] = await detectAll(worker, [picture], settingsFor(mapClasses(info.classes!, ['pedestrian'])));
    expectDetections(wide, 567, 438, true);
  }, 240_000);
});
