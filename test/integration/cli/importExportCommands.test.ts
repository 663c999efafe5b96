import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { IMPORT_FORMATS } from '../../../core/formats/importFormats.js';
import { projectDbPathFor } from '../../../main/project/projectService.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeShared, sharedPath } from '../../helpers/shared.js';
import { tempDir } from '../../helpers/tempDir.js';
import { runPedlab as pedlab } from '../../helpers/cli.js';

const dir = tempDir();
beforeAll(() => {
  process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
});
afterAll(() => dir.remove());

describe('pedlab import / export: arguments and errors', () => {
  it('explains what is missing with exit code 2', async () => {
    expect(await pedlab('import', '--format', 'pascal', 'x')).toMatchObject({ code: 2, err: expect.stringMatching(/--format must be one of pennfudan, coco/) });
    expect(await pedlab('import', '--format', 'coco', 'x.json')).toMatchObject({ code: 2, err: expect.stringMatching(/--project is required/) });
    expect(await pedlab('import', '--format', 'pennfudan', 'PennFudanPed', '--split', 's.json', '--subset', 'test')).toMatchObject({
      code: 2,
      err: expect.stringMatching(/--split needs a --project folder of its own/),
    });
    expect(await pedlab('export', '--format', 'coco', 'out.json')).toMatchObject({ code: 2, err: expect.stringMatching(/--project is required/) });
    expect((await pedlab('import', '--help')).out).toMatch(/^usage: pedlab import --format FORMAT SRC/);
  });

  it('lists every format with a one-line example, in --help and in the README alike', async () => {
    const help = (await pedlab('import', '--help')).out;
    const readme = readFileSync('README.md', 'utf8');
    for (const f of IMPORT_FORMATS) {
      expect(help).toContain(`  ${f.format.padEnd(13)} SRC is ${f.summary}`);
      expect(help.split('\n')).toContain(`  ${f.example}`);
      expect(readme).toContain(`| \`${f.format}\` | ${f.kind === 'predictions' ? 'predictions: ' : ''}${f.summary} | \`${f.example}\` |`);
    }
  });

  it('names the file and record of malformed input, with exit code 1', async () => {
    const bad = join(dir.path, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({ images: [{ id: 1, file_name: 'a.png' }], categories: [{ id: 1, name: 'person' }], annotations: [{ id: 5, image_id: 2 }] }),
    );
    const result = await pedlab('import', '--format', 'coco', bad, '--project', join(dir.path, 'empty-project'));
    expect(result.code).toBe(1);
    expect(result.err).toBe(`pedlab import: ${bad}: annotations[0] (id 5): image_id 2 is not in images`);
  });

  it('leaves nothing behind when an import into a new project fails: no project file, no empty folder', async () => {
    const bad = join(dir.path, 'bad.json');
    writeFileSync(bad, '{ "images": [');
    const folder = join(dir.path, 'new-project');
    expect((await pedlab('import', '--format', 'coco', bad, '--project', folder)).code).toBe(1);
    expect(existsSync(folder)).toBe(false);
    expect(existsSync(projectDbPathFor(folder))).toBe(false);
    expect(existsSync(`${projectDbPathFor(folder)}-wal`)).toBe(false);
    // An existing project keeps its file when a later import fails.
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.png'), 'not yet an image');
    const good = join(dir.path, 'good.json');
    writeFileSync(good, JSON.stringify({ images: [], categories: [{ id: 1, name: 'person' }], annotations: [] }));
    expect((await pedlab('import', '--format', 'coco', good, '--project', folder)).code).toBe(0);
    expect((await pedlab('import', '--format', 'coco', bad, '--project', folder)).code).toBe(1);
    expect(existsSync(projectDbPathFor(folder))).toBe(true);
  });
});

describeShared('pedlab import / export of the Penn-Fudan test split (../shared/data/PennFudanPed)', () => {
  it('imports the 50 test images into their own project and exports their ground truth as COCO', async () => {
    const root = sharedPath('data', 'PennFudanPed');
    const project = join(dir.path, 'pennfudan-test');
    const imported = await pedlab('import', '--format', 'pennfudan', root, '--split', join(root, 'split.json'), '--subset', 'test', '--project', project);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/^Imported \d+ annotations on 50 images into project "pennfudan-test"\.\n50 images were added to the project\./);
    expect(imported.out).toContain("  PennPed00090.png\n    object 1: the text box is (80, 23) - (212, 358), the mask's is (82, 23) - (212, 358)");

    const out = join(dir.path, 'pennfudan-test-gt.json');
    const exported = await pedlab('export', '--format', 'coco', '--project', project, out);
    expect(exported).toMatchObject({ code: 0, out: expect.stringMatching(/^Exported \d+ annotations on 50 images to /) });
    const coco = JSON.parse(readFileSync(out, 'utf8'));
    expect(coco.images).toHaveLength(50);
    expect(existsSync(join(project, 'FudanPed00003.png'))).toBe(false);
  });
});
