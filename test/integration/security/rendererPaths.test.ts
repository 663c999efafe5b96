import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PathPurpose } from '../../../core/ipc/types.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { Services } from '../../../main/services.js';
import { SMALL_COCO } from '../../helpers/formatFixtures.js';
import { smallCocoImages, importResultsModels } from '../../helpers/smallImages.js';
import { storeFingerprint } from '../../helpers/storeFingerprint.js';
import { tempDir } from '../../helpers/tempDir.js';

const RESULTS = [{ image_id: 7, category_id: 1, bbox: [1, 1, 3, 4], score: 0.9 }];

/** A project with ground truth and two models, opened by `services`. */
async function openProject(services: Services, root: string) {
  const project = join(root, 'images');
  await smallCocoImages(project);
  const gt = join(root, 'gt.json');
  writeFileSync(gt, JSON.stringify(SMALL_COCO));
  await services.openFolder(project);
  return { project, gt };
}

describe('the desktop host takes only paths its own dialogs answered', () => {
  const dir = tempDir();
  let services: Services;
  let answer: string | null = null;
  const asked: PathPurpose[] = [];
  let gt: string;
  const call = (channel: string, body: unknown) => dispatch(services.handlers, channel, body);

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    services = new Services({
      host: 'electron',
      pickPath: async (purpose) => {
        asked.push(purpose);
        return answer;
      },
    });
    ({ gt } = await openProject(services, dir.path));
  });
  afterAll(async () => {
    await services.close();
    dir.remove();
  });

  it('refuses every path the page typed, and nothing happens', async () => {
    const startup = join(dir.path, '.bashrc');
    writeFileSync(startup, 'echo hello\n');
    const other = join(dir.path, 'other');
    mkdirSync(other);
    const before = storeFingerprint(services.projects.store);
    const typed = [
      ['project.export', { format: 'coco', path: startup, overwrite: true }],
      ['project.export', { format: 'yolo', path: join(dir.path, 'yolo') }],
      ['project.openFolder', { folder: other }],
      ['project.import', { format: 'coco', path: gt }],
      ['project.import', { format: 'coco', path: join(dir.path, 'images', '..', 'gt.json') }],
      ['models.add', { path: join(dir.path, 'model.onnx') }],
      ['report.export', { modelIds: [1, 2], dir: join(dir.path, 'report'), formats: ['csv'], overwrite: true }],
    ] as const;
    for (const [channel, body] of typed) {
      const reply = await call(channel, body);
      expect(reply, `${channel} ${JSON.stringify(body)}`).toMatchObject({ ok: false, error: { code: 'path-not-granted' } });
      expect((reply as { error: { message: string } }).error.message).toContain('Browse…');
    }
    expect(readFileSync(startup, 'utf8')).toBe('echo hello\n');
    for (const path of ['yolo', 'report']) expect(existsSync(join(dir.path, path))).toBe(false);
    expect(services.projects.summary()!.folder).toBe(join(dir.path, 'images'));
    expect(storeFingerprint(services.projects.store)).toBe(before);
  });

  it('uses what a dialog answered, for what it was asked for', async () => {
    answer = gt;
    expect(await call('dialog.pickPath', { purpose: 'import-file' })).toEqual({ ok: true, value: { path: gt } });
    expect(await call('project.import', { format: 'coco', path: gt })).toMatchObject({ ok: true });

    const out = join(dir.path, 'chosen.json');
    answer = out;
    await call('dialog.pickPath', { purpose: 'export-file' });
    expect(await call('project.export', { format: 'coco', path: out })).toMatchObject({ ok: true });
    expect(JSON.parse(readFileSync(out, 'utf8')).annotations.length).toBeGreaterThan(0);
    // A file granted to be read may not be written.
    expect(await call('project.export', { format: 'coco', path: gt })).toMatchObject({ ok: false, error: { code: 'path-not-granted' } });
    expect(asked).toEqual(['import-file', 'export-file']);

    answer = null;
    expect(await call('dialog.pickPath', { purpose: 'model-file' })).toEqual({ ok: true, value: { path: null } });
  });

  it('restores only the project found damaged', async () => {
    const reply = await call('project.restore', { folder: join(dir.path, 'images'), snapshot: '2024-01-01T00-00-00Z.pedlab' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'restore-refused' } });
  });
});

describe('an export in the web host never replaces a file Pedlab did not write without the page confirming', () => {
  const dir = tempDir();
  let services: Services;
  let ids: [number, number];
  const call = (channel: string, body: unknown) => dispatch(services.handlers, channel, body);

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    services = new Services({ host: 'web' });
    const { gt } = await openProject(services, dir.path);
    await services.handlers['project.import']({ format: 'coco', path: gt });
    const [a, b] = await importResultsModels(services, gt, [
      ['a', RESULTS],
      ['b', RESULTS],
    ]);
    ids = [a, b];
  });
  afterAll(async () => {
    await services.close();
    dir.remove();
  });

  it("refuses a file of the user's, replaces it once confirmed, and then replaces its own file freely", async () => {
    const target = join(dir.path, '.profile');
    writeFileSync(target, 'export PATH=$PATH\n');
    const refused = await call('project.export', { format: 'coco', path: target });
    expect(refused).toMatchObject({ ok: false, error: { code: 'export-exists' } });
    expect((refused as { error: { message: string } }).error.message).toContain(target);
    expect(readFileSync(target, 'utf8')).toBe('export PATH=$PATH\n');

    expect(await call('project.export', { format: 'coco', path: target, overwrite: true })).toMatchObject({ ok: true });
    expect(JSON.parse(readFileSync(target, 'utf8')).images).toBeDefined();
    // Pedlab wrote it and nobody changed it since: the next export replaces it without asking.
    expect(await call('project.export', { format: 'coco', path: target })).toMatchObject({ ok: true });
    // Changed by someone else since: asks again.
    writeFileSync(target, 'edited by hand\n');
    expect(await call('project.export', { format: 'coco', path: target })).toMatchObject({ ok: false, error: { code: 'export-exists' } });
    expect(readFileSync(target, 'utf8')).toBe('edited by hand\n');
  });

  it("writes nothing of a folder export when one file in it would replace a file of the user's", async () => {
    const out = join(dir.path, 'yolo');
    mkdirSync(out);
    writeFileSync(join(out, 'classes.txt'), 'mine\n');
    expect(await call('project.export', { format: 'yolo', path: out })).toMatchObject({ ok: false, error: { code: 'export-exists' } });
    expect(readFileSync(join(out, 'classes.txt'), 'utf8')).toBe('mine\n');
    expect(existsSync(join(out, 'img_7.txt')) || existsSync(join(out, 'a.txt'))).toBe(false);
    expect((await import('node:fs')).readdirSync(out)).toEqual(['classes.txt']);
  });

  it('never writes through a symbolic link, even when told to overwrite', async () => {
    const victim = join(dir.path, 'victim.txt');
    writeFileSync(victim, 'keep\n');
    const link = join(dir.path, 'export.json');
    symlinkSync(victim, link);
    const reply = await call('project.export', { format: 'coco', path: link, overwrite: true });
    expect(reply).toMatchObject({ ok: false, error: { code: 'export-refused' } });
    expect(readFileSync(victim, 'utf8')).toBe('keep\n');
  });

  it('applies the same rule to report files', async () => {
    const out = join(dir.path, 'report');
    mkdirSync(out);
    writeFileSync(join(out, 'report-images.csv'), 'my own table\n');
    expect(await call('report.export', { modelIds: ids, dir: out, formats: ['csv'] })).toMatchObject({ ok: false, error: { code: 'export-exists' } });
    expect(readFileSync(join(out, 'report-images.csv'), 'utf8')).toBe('my own table\n');
    expect(existsSync(join(out, 'report-boxes.csv'))).toBe(false);
    const written = await call('report.export', { modelIds: ids, dir: out, formats: ['csv'], overwrite: true });
    const csvFiles = ['report-boxes.csv', 'report-diagnostics.csv', 'report-images.csv', 'report-label-errors.csv'];
    expect(written).toMatchObject({ ok: true, value: { files: csvFiles.map((f) => join(out, f)) } });
    expect(await call('report.export', { modelIds: ids, dir: out, formats: ['csv'] })).toMatchObject({ ok: true });
  });
});
