import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportProject } from '../../../main/importExport/projectExport.js';
import { importIntoProject } from '../../../main/importExport/projectImport.js';
import { ProjectService } from '../../../main/project/projectService.js';
import type { ProjectStore } from '../../../main/store/projectStore.js';
import { runPedlab } from '../../helpers/cli.js';
import { writeMotSequence } from '../../helpers/motSequences.js';
import { tempDir } from '../../helpers/tempDir.js';

/** frame, id, bb_left, bb_top, bb_width, bb_height, consider flag, class, visibility (1-based pixels). */
const SEQUENCE_02 = ['1,1,2,3,10,12,1,1,0.9', '1,2,15,5,6,8,0,1,0.2', '2,1,3,3,10,12,1,1,0.8', '2,3,20,1,5,9,0,7,1', '3,1,4,3,10,12,1,1,1'];
const SEQUENCE_10 = ['1,4,5,5,4,6,1,1,0.5', '2,4,6,5,4,6,1,1,0.25'];

/** The project's ground truth by image path, categories by name. */
function groundTruth(store: ProjectStore) {
  const paths = new Map(store.images.all().map((i) => [i.id, i.path]));
  const categories = new Map(store.categories.all().map((c) => [c.id, c.name]));
  return store.annotations
    .allWithAttributes()
    .map((a) => ({ path: paths.get(a.imageId)!, category: categories.get(a.categoryId)!, bbox: a.bbox, iscrowd: a.iscrowd, attributes: a.attributes }))
    .sort((p, q) => p.path.localeCompare(q.path) || p.bbox[0] - q.bbox[0]);
}

/**
 * For the enclosing suite: a project folder that imported two MOT sequences lying outside it (five frames, seven
 * boxes), opened in a service the suite closes at its end.
 */
function projectOfTwoSequences() {
  const dir = tempDir();
  const train = join(dir.path, 'train');
  const project = join(dir.path, 'project');
  const projects = new ProjectService();
  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    await writeMotSequence(train, { name: 'MOT17-02', gt: SEQUENCE_02, frames: 3, frameRate: 14, shade: 10 });
    await writeMotSequence(train, { name: 'MOT17-10', gt: SEQUENCE_10, frames: 2, shade: 200 });
    mkdirSync(project);
    await projects.openFolder(project);
    expect(await importIntoProject(projects.store, { format: 'mot', path: train })).toMatchObject({ images: 5, addedImages: 5, annotations: 7 });
  });
  afterAll(() => {
    projects.close();
    dir.remove();
  });
  return { dir, train, project, projects };
}

describe('COCO export of a project whose images lie outside its folder', () => {
  const { dir, train, project, projects } = projectOfTwoSequences();

  it('names every frame by its path from the folder holding them all, and says to import with that image root', async () => {
    const out = join(dir.path, 'coco', 'gt.json');
    const exported = await runPedlab('export', '--format', 'coco', '--project', project, out);
    expect(exported.code).toBe(0);
    expect(exported.out).toContain(
      `warning: file_names are relative to ${train}: this project imports the file as it is; another needs that folder as its image folder (--image-root ${train})`,
    );
    const coco = JSON.parse(readFileSync(out, 'utf8')) as { images: { file_name: string }[] };
    expect(coco.images.map((i) => i.file_name).sort()).toEqual([
      'MOT17-02/img1/000001.png',
      'MOT17-02/img1/000002.png',
      'MOT17-02/img1/000003.png',
      'MOT17-10/img1/000001.png',
      'MOT17-10/img1/000002.png',
    ]);
  });

  it('imports back into the same project with --image-root, to the same annotations', async () => {
    const before = groundTruth(projects.store);
    const file = join(dir.path, 'coco', 'gt.json');
    const again = await importIntoProject(projects.store, { format: 'coco', path: file, options: { imageRoot: train } });
    expect(again).toMatchObject({ images: 5, addedImages: 0, annotations: 7, unreadable: [] });
    expect(groundTruth(projects.store)).toEqual(before);
  });

  it('imports back into the same project as it is, each frame found by its path', async () => {
    const before = groundTruth(projects.store);
    const again = await importIntoProject(projects.store, { format: 'coco', path: join(dir.path, 'coco', 'gt.json') });
    expect(again).toMatchObject({ images: 5, addedImages: 0, annotations: 7, unreadable: [] });
    expect(groundTruth(projects.store)).toEqual(before);
  });

  it('imports into a fresh project elsewhere with --image-root, to the same annotations', async () => {
    const before = groundTruth(projects.store);
    const fresh = join(dir.path, 'fresh');
    mkdirSync(fresh);
    const other = new ProjectService();
    try {
      await other.openFolder(fresh);
      const report = await importIntoProject(other.store, { format: 'coco', path: join(dir.path, 'coco', 'gt.json'), options: { imageRoot: train } });
      expect(report).toMatchObject({ images: 5, addedImages: 5, annotations: 7, unreadable: [] });
      expect(groundTruth(other.store)).toEqual(before);
    } finally {
      other.close();
    }
  });
});

describe('MOTChallenge export with seqinfo.ini, imported back', () => {
  const { dir, train, projects } = projectOfTwoSequences();

  it('writes seqinfo.ini beside gt.txt, says the frames are not copied, and imports back once they are', async () => {
    const before = groundTruth(projects.store);
    const out = join(dir.path, 'out');
    const report = await exportProject(projects.store, { format: 'mot', path: out }, { overwrite: false });
    expect(report).toMatchObject({ images: 5, annotations: 7, files: 4 });
    expect(report.warnings).toEqual([
      `MOTChallenge export copies no frames: to import ${out} back, put each sequence's frames in its folder as its seqinfo.ini says (img1/000001.png, …); not there now: MOT17-02, MOT17-10`,
    ]);
    expect(readFileSync(join(out, 'MOT17-02', 'seqinfo.ini'), 'utf8')).toBe(
      '[Sequence]\nname=MOT17-02\nimDir=img1\nframeRate=14\nseqLength=3\nimWidth=32\nimHeight=24\nimExt=.png\n',
    );
    expect(readFileSync(join(out, 'MOT17-10', 'seqinfo.ini'), 'utf8')).toBe(
      '[Sequence]\nname=MOT17-10\nimDir=img1\nframeRate=30\nseqLength=2\nimWidth=32\nimHeight=24\nimExt=.png\n',
    );
    expect(readFileSync(join(out, 'MOT17-02', 'gt', 'gt.txt'), 'utf8')).toBe(SEQUENCE_02.map((r) => `${r}\n`).join(''));
    expect(readFileSync(join(out, 'MOT17-10', 'gt', 'gt.txt'), 'utf8')).toBe(SEQUENCE_10.map((r) => `${r}\n`).join(''));

    for (const sequence of ['MOT17-02', 'MOT17-10']) cpSync(join(train, sequence, 'img1'), join(out, sequence, 'img1'), { recursive: true });
    const again = await importIntoProject(projects.store, { format: 'mot', path: out });
    expect(again).toMatchObject({ images: 5, addedImages: 5, annotations: 7, unreadable: [], warnings: [] });
    const copies = groundTruth(projects.store).filter((a) => a.path.startsWith(out));
    expect(copies.map((a) => ({ ...a, path: a.path.replace(out, train) }))).toEqual(before);
  });

  it('exported into the folder holding the sequences, imports back to the same frames and annotations', async () => {
    const alone = join(dir.path, 'alone');
    mkdirSync(alone);
    const other = new ProjectService();
    try {
      await other.openFolder(alone);
      await importIntoProject(other.store, { format: 'mot', path: train });
      const before = groundTruth(other.store);
      const report = await exportProject(other.store, { format: 'mot', path: train }, { overwrite: true });
      expect(report).toMatchObject({ files: 4, warnings: [] });
      expect(readFileSync(join(train, 'MOT17-02', 'seqinfo.ini'), 'utf8')).toContain('\nframeRate=14\n');
      const again = await importIntoProject(other.store, { format: 'mot', path: train });
      expect(again).toMatchObject({ images: 5, addedImages: 0, annotations: 7, unreadable: [], warnings: [] });
      expect(groundTruth(other.store)).toEqual(before);
    } finally {
      other.close();
    }
  });
});
