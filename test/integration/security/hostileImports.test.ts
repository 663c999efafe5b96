import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeIndexPng, writePngClaiming } from '../../helpers/pngWriter.js';
import { tempDir } from '../../helpers/tempDir.js';

const LIMIT_MS = 10_000;
const LIMIT_RSS_KB = 1024 * 1024;

/**
 * Runs the pedlab command line in its own process, as a user would, and reports how it ended: killed if it runs
 * past 10 s, with its peak resident memory.
 */
function runPedlab(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; signal: string | null; output: string; maxRssKb: number; ms: number }> {
  const cli = pathToFileURL(resolve('dist/main/cli/index.js')).href;
  const script = `const { main } = await import(${JSON.stringify(cli)}); const code = await main(${JSON.stringify(args)}); process.stdout.write('\\n@@' + JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS }) + '\\n'); process.exit(code);`;
  const started = Date.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      env: { ...process.env, ...env },
      timeout: LIMIT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c));
    child.stderr.on('data', (c: Buffer) => (output += c));
    child.on('exit', (code, signal) => {
      const figures = /@@(.*)/.exec(output);
      done({ code, signal, output: output.replace(/\n@@.*\n?/, ''), maxRssKb: figures ? JSON.parse(figures[1]).maxRssKb : Infinity, ms: Date.now() - started });
    });
  });
}

describe('hostile imports end fast, in bounded memory, with an error naming the file and record', () => {
  const dir = tempDir();
  const env = () => ({ PEDLAB_DATA_DIR: join(dir.path, 'data'), PEDLAB_MODELS_MANIFEST: join(dir.path, 'no-manifest.json') });
  const project = () => join(dir.path, 'project');

  beforeAll(async () => {
    mkdirSync(project(), { recursive: true });
    await sharp({ create: { width: 100, height: 100, channels: 3, background: '#456' } })
      .png()
      .toFile(join(project(), 'a.png'));
  });
  afterAll(() => dir.remove());

  const expectBounded = (run: Awaited<ReturnType<typeof runPedlab>>) => {
    expect(run.signal, `killed after ${LIMIT_MS} ms: ${run.output}`).toBeNull();
    expect(run.maxRssKb, run.output).toBeLessThan(LIMIT_RSS_KB);
    console.log(`${expect.getState().currentTestName}: ended in ${run.ms} ms, peak RSS ${Math.round(run.maxRssKb / 1024)} MB`);
  };
  const refused = async (args: string[], ...expected: (string | RegExp)[]) => {
    const run = await runPedlab(args, env());
    expectBounded(run);
    expect(run.code, run.output).not.toBe(0);
    for (const e of expected) expect(run.output).toMatch(e);
    return run;
  };

  it('a polygon with vertices at 4e7 px on a 640×480 image is evaluated', async () => {
    const gt = join(dir.path, 'huge-polygon.json');
    const triangle = [[-4e7, -4e7, 4e7, 240, -4e7, 4e7]];
    writeFileSync(
      gt,
      JSON.stringify({
        images: [{ id: 1, file_name: 'a.png', width: 640, height: 480 }],
        categories: [{ id: 1, name: 'person' }],
        annotations: [{ id: 1, image_id: 1, category_id: 1, bbox: [0, 0, 640, 480], area: 307200, iscrowd: 0, segmentation: triangle }],
      }),
    );
    const dt = join(dir.path, 'huge-polygon-dt.json');
    writeFileSync(dt, JSON.stringify([{ image_id: 1, category_id: 1, score: 0.9, segmentation: triangle }]));
    const run = await runPedlab(['eval', '--gt', gt, '--dt', dt, '--iou-type', 'segm'], env());
    expectBounded(run);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toMatch(/Average Precision {2}\(AP\) @\[ IoU=0\.50:0\.95 \| area= {3}all \| maxDets=100 \] = 1\.000/);
  });

  it('a labelme imagePath of /dev/zero', async () => {
    const file = join(dir.path, 'zero.json');
    writeFileSync(file, JSON.stringify({ version: '5.0.1', shapes: [], imagePath: '/dev/zero', imageHeight: 100, imageWidth: 100, imageData: null }));
    await refused(['import', '--format', 'labelme', file, '--project', project()], file, /"\/dev\/zero" is a character device, not a regular file/);
  });

  it('COCO file names that are a device or a folder', async () => {
    for (const [name, kind] of [
      ['/dev/zero', 'a character device'],
      [dir.path, 'a folder'],
    ]) {
      const file = join(dir.path, 'odd-names.json');
      writeFileSync(
        file,
        JSON.stringify({ images: [{ id: 7, file_name: name, width: 100, height: 100 }], categories: [{ id: 1, name: 'person' }], annotations: [] }),
      );
      await refused(['import', '--format', 'coco', file, '--project', project()], `${file}: images[0] (id 7)`, `is ${kind}, not a regular file`);
    }
  });

  it('a VOC file name that is a named pipe', async () => {
    const fifo = join(dir.path, 'pipe.png');
    execFileSync('mkfifo', [fifo]);
    const xml = join(dir.path, 'pipe.xml');
    writeFileSync(xml, `<annotation><filename>${fifo}</filename><size><width>100</width><height>100</height><depth>3</depth></size></annotation>`);
    await refused(['import', '--format', 'voc', xml, '--project', project()], xml, 'is a named pipe, not a regular file');
  });

  it('an annotation file that is /dev/zero', async () => {
    await refused(['import', '--format', 'coco', '/dev/zero', '--project', project()], '/dev/zero', 'is a character device, not a regular file');
    await refused(['eval', '--gt', '/dev/zero', '--dt', '/dev/zero'], '/dev/zero', 'is a character device, not a regular file');
  });

  it('a labelme file stating an image far larger than Pedlab opens, with a polygon reaching 4e7 px', async () => {
    const file = join(dir.path, 'far.json');
    const shapes = [
      {
        label: 'person',
        points: [
          [-4e7, -4e7],
          [4e7, 240],
          [-4e7, 4e7],
        ],
        shape_type: 'polygon',
      },
    ];
    writeFileSync(file, JSON.stringify({ shapes, imagePath: 'project/a.png', imageWidth: 100_000_000, imageHeight: 40 }));
    await refused(
      ['import', '--format', 'labelme', file, '--project', project()],
      `${file}: the image it describes (imageWidth × imageHeight) is too large to open: 100000000×40 pixels`,
    );
  });

  it('an evaluation whose ground truth states an image far larger than Pedlab opens', async () => {
    const gt = join(dir.path, 'far-gt.json');
    const triangle = [[-4e7, -4e7, 4e7, 240, -4e7, 4e7]];
    writeFileSync(
      gt,
      JSON.stringify({
        images: [{ id: 1, width: 100_000_000, height: 40 }],
        categories: [{ id: 1, name: 'person' }],
        annotations: [{ id: 1, image_id: 1, category_id: 1, bbox: [0, 0, 1, 1], area: 1, segmentation: triangle }],
      }),
    );
    const dt = join(dir.path, 'far-dt.json');
    writeFileSync(dt, JSON.stringify([{ image_id: 1, category_id: 1, score: 0.9, segmentation: triangle }]));
    await refused(['eval', '--gt', gt, '--dt', dt, '--iou-type', 'segm'], gt, 'images[0] (id 1): the image it describes (width × height) is too large to open');
  });

  it('an annotation file larger than Pedlab reads', async () => {
    const file = join(dir.path, 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, 600 * 1024 * 1024);
    await refused(['import', '--format', 'coco', file, '--project', project()], file, 'is 600 MB, more than the 500 MB Pedlab reads');
    await refused(['import', '--format', 'labelme', file, '--project', project()], file, 'is 600 MB, more than the 500 MB Pedlab reads');
  });

  it('a source path that is a device or a named pipe, for the formats that also take a folder', async () => {
    const fifo = join(dir.path, 'labels.fifo');
    execFileSync('mkfifo', [fifo]);
    for (const [format, extension] of [
      ['voc', '.xml'],
      ['labelme', '.json'],
      ['yolo', '.txt'],
    ]) {
      await refused(
        ['import', '--format', format, '/dev/zero', '--project', project()],
        `/dev/zero: is a character device, neither a ${extension} file nor a folder of them`,
      );
      await refused(['import', '--format', format, fifo, '--project', project()], `${fifo}: is a named pipe, neither a ${extension} file nor a folder of them`);
    }
  });

  describe('Penn-Fudan masks', () => {
    const dataset = (name: string, mask: Buffer, image = join(project(), 'a.png')) => {
      const root = join(dir.path, name);
      mkdirSync(join(root, 'PNGImages'), { recursive: true });
      mkdirSync(join(root, 'PedMasks'), { recursive: true });
      execFileSync('cp', [image, join(root, 'PNGImages', 'a.png')]);
      writeFileSync(join(root, 'PedMasks', 'a_mask.png'), mask);
      return root;
    };

    it('a small file that declares 20000×20000 pixels', async () => {
      const root = dataset('claims-huge', writePngClaiming(20000, 20000, new Uint8Array(4096)));
      await refused(
        ['import', '--format', 'pennfudan', root],
        join(root, 'PedMasks', 'a_mask.png'),
        'is too large to open: 20000×20000 pixels (400 megapixels; Pedlab opens up to 268)',
      );
    });

    it('a mask the size of its image whose data inflates far past that size', async () => {
      const bomb = writePngClaiming(100, 100, new Uint8Array(300 * 1024 * 1024));
      expect(bomb.length).toBeLessThan(1024 * 1024);
      const root = dataset('bomb', bomb);
      await refused(
        ['import', '--format', 'pennfudan', root],
        join(root, 'PedMasks', 'a_mask.png'),
        'the image data inflates to more than its 100×100 size holds',
      );
    });

    it('a mask of another size than its image', async () => {
      const root = dataset('other-size', writePngClaiming(50, 40, new Uint8Array(40 * 51)));
      await refused(['import', '--format', 'pennfudan', root], join(root, 'PedMasks', 'a_mask.png'), 'is 50×40, but its image a.png is 100×100');
    });

    it('a 16-bit mask of 65535 one-pixel instances on a megapixel image', async () => {
      const side = 1000;
      const values = new Uint16Array(side * side);
      for (let v = 1; v <= 65535; v++) values[(v * 7919) % values.length] = v;
      const mask = writeIndexPng(values, side, side, { depth: 16 });
      expect(mask.length).toBeLessThan(1024 * 1024);
      const image = join(dir.path, 'megapixel.png');
      await sharp({ create: { width: side, height: side, channels: 3, background: '#456' } })
        .png()
        .toFile(image);
      const run = await runPedlab(['import', '--format', 'pennfudan', dataset('many-instances', mask, image)], env());
      expectBounded(run);
      expect(run.code, run.output).toBe(0);
      expect(run.output).toMatch(/65535 annotations/);
    });
  });
});
