import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Services } from '../../../main/services.js';
import { runPedlab } from '../../helpers/cli.js';
import { tempDir } from '../../helpers/tempDir.js';

/** frame, id, bb_left, bb_top, bb_width, bb_height, consider flag, class, visibility (1-based pixels). */
const GT_ROWS = [
  '1,1,2,3,10,12,1,1,0.9', // pedestrian
  '2,1,3,3,10,12,1,1,0.8',
  '3,1,4,3,10,12,1,1,1',
  '1,2,15,5,6,8,0,1,0.2', // pedestrian with the consider flag cleared: ignore region
  '2,3,20,1,5,9,1,7,1', // static person: ignore region
  '1,4,1,1,8,4,1,3,1', // car: skipped
  '3,5,1,1,3,3,1,9,0.5', // occluder: skipped
];

const DET_ROWS = ['1,-1,2,3,10,12,0.95,-1,-1,-1', '1,-1,14,4,6,8,0.4,-1,-1,-1', '3,-1,5,4,9,11,0.7,-1,-1,-1'];

/** A MOTChallenge sequence folder: seqinfo.ini, `frames` JPEG frames of distinct colours, gt.txt and det.txt. */
async function writeSequence(folder: string, name: string, frames: number, gt: readonly string[], shade: number): Promise<string> {
  mkdirSync(join(folder, 'img1'), { recursive: true });
  mkdirSync(join(folder, 'gt'));
  mkdirSync(join(folder, 'det'));
  const ini = ['[Sequence]', `name=${name}`, 'imDir=img1', 'frameRate=30', `seqLength=${frames}`, 'imWidth=32', 'imHeight=24', 'imExt=.jpg', ''];
  writeFileSync(join(folder, 'seqinfo.ini'), ini.join('\n'));
  for (let f = 1; f <= frames; f++) {
    const background = { r: shade, g: f * 60, b: 255 - f * 40 };
    await sharp({ create: { width: 32, height: 24, channels: 3, background } })
      .jpeg()
      .toFile(join(folder, 'img1', `00000${f}.jpg`));
  }
  writeFileSync(join(folder, 'gt', 'gt.txt'), gt.join('\n') + '\n');
  writeFileSync(join(folder, 'det', 'det.txt'), DET_ROWS.join('\n') + '\n');
  return folder;
}

type CocoJson = {
  images: { id: number; file_name: string }[];
  annotations: { image_id: number; bbox: number[]; iscrowd: number; attributes?: Record<string, unknown> }[];
};

describe('MOTChallenge sequences imported and exported through the project', () => {
  const dir = tempDir();
  const sequence = join(dir.path, 'MOT17-02');
  let services: Services;

  /** The project's ground truth per frame file, as a COCO export writes it (attributes included). */
  const groundTruth = async () => {
    const path = join(dir.path, `gt-${Date.now()}-${Math.random()}.json`);
    await services.handlers['project.export']({ format: 'coco', path });
    const coco = JSON.parse(readFileSync(path, 'utf8')) as CocoJson;
    const names = new Map(coco.images.map((i) => [i.id, i.file_name]));
    return coco.annotations
      .map((a) => ({ image: names.get(a.image_id)!, bbox: a.bbox, iscrowd: a.iscrowd, attributes: a.attributes ?? {} }))
      .sort((p, q) => p.image.localeCompare(q.image) || Number(p.attributes.track_id) - Number(q.attributes.track_id));
  };

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    await writeSequence(sequence, 'MOT17-02', 3, GT_ROWS, 10);
    services = new Services({ host: 'web' });
    await services.openFolder(sequence);
  });
  afterAll(async () => {
    await services.close();
    dir.remove();
  });

  it('imports pedestrians, ignore regions as crowd, skips other classes, and converts 1-based boxes', async () => {
    const report = await services.handlers['project.import']({ format: 'mot', path: sequence });
    expect(report).toMatchObject({ format: 'mot', images: 3, annotations: 5, newCategories: [], unreadable: [] });
    expect(report.warnings).toEqual([`${join(sequence, 'gt', 'gt.txt')}: 2 rows of classes that are not persons (vehicles, occluders, crowds) were skipped`]);
    const images = await services.handlers['images.list']({});
    expect(images.map((i) => i.fileName)).toEqual(['000001.jpg', '000002.jpg', '000003.jpg']);
    expect(images.map((i) => i.id)).toEqual([...images.map((i) => i.id)].sort((a, b) => a - b));
    expect(await groundTruth()).toEqual([
      { image: 'img1/000001.jpg', bbox: [1, 2, 10, 12], iscrowd: 0, attributes: { track_id: 1, sequence: 'MOT17-02', visibility: 0.9 } },
      { image: 'img1/000001.jpg', bbox: [14, 4, 6, 8], iscrowd: 1, attributes: { track_id: 2, sequence: 'MOT17-02', visibility: 0.2, mot_class: 1 } },
      { image: 'img1/000002.jpg', bbox: [2, 2, 10, 12], iscrowd: 0, attributes: { track_id: 1, sequence: 'MOT17-02', visibility: 0.8 } },
      { image: 'img1/000002.jpg', bbox: [19, 0, 5, 9], iscrowd: 1, attributes: { track_id: 3, sequence: 'MOT17-02', visibility: 1, mot_class: 7 } },
      { image: 'img1/000003.jpg', bbox: [3, 2, 10, 12], iscrowd: 0, attributes: { track_id: 1, sequence: 'MOT17-02', visibility: 1 } },
    ]);
  });

  it('imports det/det.txt as a model whose scores are the detections confidences', async () => {
    const report = await services.handlers['project.import']({ format: 'mot-det', path: sequence, options: { modelName: 'DPM' } });
    expect(report).toMatchObject({ format: 'mot-det', images: 3, predictions: 3, model: { name: 'DPM' }, warnings: [] });
    const model = (await services.handlers['models.list']({})).find((m) => m.id === report.model!.id)!;
    expect(model).toMatchObject({ kind: 'imported', path: join(sequence, 'det', 'det.txt'), problem: null });
    const images = await services.handlers['images.list']({});
    const predictions = await Promise.all(images.map((i) => services.handlers['predictions.forImage']({ imageId: i.id, modelId: model.id })));
    expect(predictions.map((list) => list.map((p) => [p.score, p.bbox]))).toEqual([
      [
        [0.95, [1, 2, 10, 12]],
        [0.4, [13, 3, 6, 8]],
      ],
      [],
      [[0.7, [4, 3, 9, 11]]],
    ]);
    const again = await services.handlers['project.import']({ format: 'mot-det', path: join(sequence, 'det', 'det.txt') });
    expect(again.model).toEqual({ id: model.id, name: 'DPM' });
    const elsewhere = await writeSequence(join(dir.path, 'MOT17-11'), 'MOT17-11', 3, [], 50);
    await expect(services.handlers['project.import']({ format: 'mot-det', path: elsewhere })).rejects.toThrow(
      `${join(elsewhere, 'det', 'det.txt')}: no frame of sequence MOT17-11 (${join(elsewhere, 'img1')}) is in the project; import its ground truth first (--format mot)`,
    );
  });

  it('exports gt.txt that imports back to the same annotations', async () => {
    const before = await groundTruth();
    const out = join(dir.path, 'mot-out');
    const exported = await services.handlers['project.export']({ format: 'mot', path: out });
    expect(exported).toMatchObject({ format: 'mot', images: 3, annotations: 5, files: 2 });
    expect(exported.warnings).toEqual([
      `MOTChallenge export copies no frames: to import ${out} back, put each sequence's frames in its folder as its seqinfo.ini says (img1/000001.jpg, …); not there now: MOT17-02`,
    ]);
    const text = readFileSync(join(out, 'MOT17-02', 'gt', 'gt.txt'), 'utf8');
    expect(text.trim().split('\n')).toEqual([
      '1,1,2,3,10,12,1,1,0.9',
      '1,2,15,5,6,8,0,1,0.2',
      '2,1,3,3,10,12,1,1,0.8',
      '2,3,20,1,5,9,0,7,1',
      '3,1,4,3,10,12,1,1,1',
    ]);
    writeFileSync(join(sequence, 'gt', 'gt.txt'), text);
    const again = await services.handlers['project.import']({ format: 'mot', path: sequence });
    expect(again).toMatchObject({ images: 3, annotations: 5, warnings: [] });
    expect(await groundTruth()).toEqual(before);
  });

  it("never takes another sequence's frame of the same name for a missing one", async () => {
    const before = await groundTruth();
    const other = await writeSequence(join(dir.path, 'MOT17-05'), 'MOT17-05', 1, ['1,9,1,1,4,4,1,1,1'], 30);
    rmSync(join(other, 'img1', '000001.jpg'));
    const report = await services.handlers['project.import']({ format: 'mot', path: other });
    expect(report).toMatchObject({
      images: 0,
      annotations: 0,
      unreadable: [{ image: join(other, 'img1', '000001.jpg'), error: 'file not found (frame 1 of MOT17-05)' }],
    });
    expect(await groundTruth()).toEqual(before);
  });

  it('never quotes a file of another kind given as seqinfo.ini, gt.txt or det.txt', async () => {
    const secret = 'token=0123456789abcdef0123456789abcdef';
    const odd = await writeSequence(join(dir.path, 'MOT17-09'), 'MOT17-09', 1, [`1,1,${secret},1,2,2`], 40);
    writeFileSync(join(odd, 'det', 'det.txt'), `${secret}\n`);
    const replies = [
      await services.handlers['project.import']({ format: 'mot', path: odd }).catch((e: Error) => e.message),
      await services.handlers['project.import']({ format: 'mot-det', path: odd }).catch((e: Error) => e.message),
    ];
    writeFileSync(join(odd, 'seqinfo.ini'), `[Sequence]\nname=${secret}\n`);
    replies.push(await services.handlers['project.import']({ format: 'mot', path: odd }).catch((e: Error) => e.message));
    expect(replies).toEqual([
      `${join(odd, 'gt', 'gt.txt')}: line 1: value 3 is not a number`,
      `${join(odd, 'det', 'det.txt')}: line 1: expected at least 6 comma-separated values, got 1`,
      `${join(odd, 'seqinfo.ini')}: has no imDir (a MOTChallenge seqinfo.ini gives name, imDir, seqLength, imWidth, imHeight)`,
    ]);
  });

  it('names the file and line of a malformed row, and what a sequence folder misses', async () => {
    const gtPath = join(sequence, 'gt', 'gt.txt');
    writeFileSync(gtPath, `${GT_ROWS[0]}\n1,2,3\n`);
    await expect(services.handlers['project.import']({ format: 'mot', path: sequence })).rejects.toThrow(
      `${gtPath}: line 2: expected at least 6 comma-separated values, got 3`,
    );
    writeFileSync(gtPath, '9,1,2,3,10,12,1,1,1\n');
    await expect(services.handlers['project.import']({ format: 'mot', path: sequence })).rejects.toThrow(
      `${gtPath}: line 1: frame 9 is not a frame of the sequence (1..3)`,
    );
    const bare = join(dir.path, 'bare');
    mkdirSync(bare);
    await expect(services.handlers['project.import']({ format: 'mot', path: bare })).rejects.toThrow(
      `${bare}: holds no MOTChallenge sequence: seqinfo.ini is missing, and no folder inside has one`,
    );
    const noFrames = await writeSequence(join(dir.path, 'no-frames'), 'MOT17-04', 1, GT_ROWS.slice(0, 1), 20);
    rmSync(join(noFrames, 'img1'), { recursive: true });
    await expect(services.handlers['project.import']({ format: 'mot', path: noFrames })).rejects.toThrow(
      `${noFrames}: is not a MOTChallenge sequence: its frame folder img1/ (imDir in seqinfo.ini) is missing`,
    );
  });
});

describe('a folder of MOTChallenge sequences through the command line', () => {
  const dir = tempDir();

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    await writeSequence(join(dir.path, 'train', 'MOT17-02'), 'MOT17-02', 3, GT_ROWS, 10);
    await writeSequence(join(dir.path, 'train', 'MOT17-10'), 'MOT17-10', 2, ['2,7,1,1,4,4,1,1,0.5'], 90);
  });
  afterAll(() => dir.remove());

  it('imports every sequence in order and exports one gt.txt per sequence', async () => {
    const project = join(dir.path, 'project');
    const imported = await runPedlab('import', '--format', 'mot', join(dir.path, 'train'), '--project', project, '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ images: 5, addedImages: 5, annotations: 6 });
    const out = join(dir.path, 'out');
    expect((await runPedlab('export', '--format', 'mot', '--project', project, out)).code).toBe(0);
    expect(readFileSync(join(out, 'MOT17-10', 'gt', 'gt.txt'), 'utf8')).toBe('2,7,1,1,4,4,1,1,0.5\n');
    expect(readFileSync(join(out, 'MOT17-02', 'gt', 'gt.txt'), 'utf8').split('\n')).toHaveLength(6);
    const help = await runPedlab('import', '--help');
    expect(help.out).toMatch(/^ {2}mot {11}SRC is a MOTChallenge sequence folder/m);
    expect(help.out).toMatch(/^ {2}mot-det {7}SRC is a sequence folder's det\/det.txt/m);
  });
});
