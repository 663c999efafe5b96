import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { Services } from '../../../main/services.js';
import { SMALL_COCO } from '../../helpers/formatFixtures.js';
import { smallCocoImages } from '../../helpers/smallImages.js';
import { storeFingerprint } from '../../helpers/storeFingerprint.js';
import { tempDir } from '../../helpers/tempDir.js';

/** A private key as ssh-keygen writes it: armour and lines of base64. */
function privateKey(): string {
  const body = randomBytes(1200)
    .toString('base64')
    .match(/.{1,70}/g)!;
  return ['-----BEGIN OPENSSH PRIVATE KEY-----', ...body, '-----END OPENSSH PRIVATE KEY-----', ''].join('\n');
}

describe('an import pointed at a file of another kind never echoes its content', () => {
  const dir = tempDir();
  let services: Services;
  let key: string;
  let keyPath: string;
  let gt: string;
  let labels: string;

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    process.env.PEDLAB_MODELS_MANIFEST = join(dir.path, 'no-manifest.json');
    const project = join(dir.path, 'images');
    await smallCocoImages(project);
    gt = join(dir.path, 'gt.json');
    writeFileSync(gt, JSON.stringify(SMALL_COCO));
    key = privateKey();
    keyPath = join(dir.path, 'id_ed25519');
    writeFileSync(keyPath, key);
    labels = join(dir.path, 'labels');
    mkdirSync(labels);
    writeFileSync(join(labels, 'classes.txt'), 'person\n');
    writeFileSync(join(labels, 'a_people.txt'), '0 0.5 0.5 0.2 0.2\n');
    services = new Services({ host: 'web' });
    await services.openFolder(project);
  });
  afterAll(async () => {
    await services.close();
    dir.remove();
  });

  /** Every run of 12 characters of the key: none may appear in what Pedlab answers. */
  const pieces = () => key.split('\n').flatMap((line) => Array.from({ length: Math.max(0, line.length - 11) }, (_, i) => line.slice(i, i + 12)));

  it('in every format, and as the YOLO classes file', async () => {
    const requests = [
      { format: 'coco', path: keyPath },
      { format: 'voc', path: keyPath },
      { format: 'labelme', path: keyPath },
      { format: 'yolo', path: labels, options: { classes: keyPath } },
      { format: 'coco-results', path: keyPath, options: { gt } },
      { format: 'coco-results', path: join(dir.path, 'gt.json'), options: { gt: keyPath } },
      { format: 'pennfudan', path: keyPath },
      { format: 'mot', path: keyPath },
      { format: 'mot-det', path: keyPath },
      { format: 'citypersons', path: keyPath },
      { format: 'crowdhuman', path: keyPath },
    ];
    // As a YOLO label file it names no image, so it is reported as unmatched and never read.
    const asLabels = await dispatch(services.handlers, 'project.import', { format: 'yolo', path: keyPath, options: { classes: join(labels, 'classes.txt') } });
    for (const piece of pieces()) expect(JSON.stringify(asLabels)).not.toContain(piece);
    const before = storeFingerprint(services.projects.store);
    for (const request of requests) {
      const reply = await dispatch(services.handlers, 'project.import', request);
      expect(reply.ok, JSON.stringify(request)).toBe(false);
      const text = JSON.stringify(reply);
      expect(text).toContain('id_ed25519');
      for (const piece of pieces()) expect(text, `${JSON.stringify(request)} echoed the key: ${text}`).not.toContain(piece);
    }
    expect(storeFingerprint(services.projects.store)).toBe(before);
    expect((await services.handlers['categories.list']({})).map((c) => c.name)).not.toContain('-----BEGIN OPENSSH PRIVATE KEY-----');
  });

  it('nor of a key kept as a JSON string, or of a text that holds a character reference', async () => {
    const keyJson = join(dir.path, 'key.json');
    writeFileSync(keyJson, JSON.stringify(key));
    const token = randomBytes(30).toString('base64url');
    const env = join(dir.path, 'service.env');
    writeFileSync(env, `SERVICE_URL=https://example.invalid/login?user=pedlab&token=${token};\n`);
    const requests = [
      { format: 'coco', path: keyJson },
      { format: 'labelme', path: keyJson },
      { format: 'coco-results', path: keyJson, options: { gt } },
      { format: 'coco-results', path: gt, options: { gt: keyJson } },
      { format: 'coco', path: gt, options: { split: keyJson, subset: 'train' } },
      { format: 'voc', path: env },
    ];
    const tokenPieces = Array.from({ length: token.length - 11 }, (_, i) => token.slice(i, i + 12));
    const before = storeFingerprint(services.projects.store);
    for (const request of requests) {
      const reply = await dispatch(services.handlers, 'project.import', request);
      expect(reply.ok, JSON.stringify(request)).toBe(false);
      const text = JSON.stringify(reply);
      expect(text).toMatch(/key\.json|service\.env/);
      for (const piece of [...pieces(), ...tokenPieces]) expect(text, `${JSON.stringify(request)} echoed the file: ${text}`).not.toContain(piece);
    }
    expect(storeFingerprint(services.projects.store)).toBe(before);
  });

  it('says where a classes file stops being one', async () => {
    const reply = await dispatch(services.handlers, 'project.import', { format: 'yolo', path: labels, options: { classes: keyPath } });
    expect(reply).toMatchObject({
      ok: false,
      error: { message: `${keyPath}: line 1: is not a class name (it holds characters class names do not use); a classes file lists one name a line` },
    });
  });
});
