import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evalInputFor } from '../../../core/compare/evalInput.js';
import { modelDiagnostics } from '../../../core/compare/modelDiagnostics.js';
import { tideSummary } from '../../../core/eval/tide/tideSummary.js';
import { CocoEvaluator } from '../../../core/eval/cocoEval.js';
import type { ReportExport } from '../../../core/ipc/types.js';
import { chromiumBinary } from '../../../main/chromium.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { Services } from '../../../main/services.js';
import { SMALL_COCO } from '../../helpers/formatFixtures.js';
import { smallCocoProject, importResultsModels } from '../../helpers/smallImages.js';
import { tempDir } from '../../helpers/tempDir.js';

const RESULTS_A = [
  { image_id: 7, category_id: 1, bbox: [1, 1, 3, 4], score: 0.9 },
  { image_id: 7, category_id: 3, bbox: [5, 0, 2, 2], score: 0.4 },
  { image_id: 9, category_id: 1, bbox: [0, 0, 2, 2], score: 0.7 },
];
const RESULTS_B = [
  { image_id: 7, category_id: 1, bbox: [2, 2, 3, 3], score: 0.8 },
  { image_id: 9, category_id: 3, bbox: [2.5, 1, 1.5, 2], score: 0.6 },
  { image_id: 9, category_id: 1, bbox: [3, 2, 2, 2], score: 0.55 },
];

describe('report.export', () => {
  const dir = tempDir();
  const project = join(dir.path, 'images');
  const gt = join(dir.path, 'gt.json');
  let services: Services;
  let ids: [number, number];

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    services = await smallCocoProject(project, gt);
    const [a, b] = await importResultsModels(services, gt, [
      ['lab model', RESULTS_A],
      ['field model', RESULTS_B],
    ]);
    ids = [a, b];
  });
  afterAll(async () => {
    await services.close();
    dir.remove();
  });

  const exportReport = (request: unknown) => dispatch(services.handlers, 'report.export', request);

  it('writes the files asked for and answers their paths', async () => {
    const out = join(dir.path, 'report');
    const pdf = chromiumBinary() ? ['pdf' as const] : [];
    if (!pdf.length) console.warn('skipping the PDF: Chromium is not installed');
    const reply = await exportReport({ modelIds: ids, dir: out, formats: ['html', 'csv', 'json', ...pdf], scoreThreshold: 0.5 });
    expect(reply).toMatchObject({ ok: true });
    const { files, notes } = (reply as { value: ReportExport }).value;
    const names = [
      'report.html',
      ...(pdf.length ? ['report.pdf'] : []),
      'report-images.csv',
      'report-boxes.csv',
      'report-diagnostics.csv',
      'report-label-errors.csv',
      'report.json',
    ];
    const all = [...names, 'ground-truth.coco.json', 'results-a-lab-model.json', 'results-b-field-model.json'];
    expect(files).toEqual(all.map((n) => join(out, n)).sort());
    for (const file of files) expect(existsSync(file)).toBe(true);
    expect(notes).toEqual(['Mask (segm) results are left out: 1 ground-truth annotations have no mask.']);

    const json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    const data = await services.handlers['evaluation.data']({ modelIds: ids });
    ids.forEach((id, i) => {
      const stats = new CocoEvaluator(evalInputFor(data, id), { iouType: 'bbox' }).stats();
      expect(Object.values(json.models[i].evaluations.bbox.stats)).toEqual([...stats]);
    });
    const below = json.boxes.find((b: { modelId: number; result: string }) => b.modelId === ids[0] && b.result === 'below threshold');
    expect(below).toMatchObject({ imageId: expect.any(Number), score: 0.4 });

    const diagnostics = ids.map((id) => modelDiagnostics(data, id, 'bbox'));
    ids.forEach((_, i) => expect(json.models[i].evaluations.bbox.tide).toEqual(tideSummary(diagnostics[i].tide)));
    expect(Object.keys(json.comparison)).toEqual(
      expect.arrayContaining(['instances', 'falseAlarms', 'deltaAP', 'deltaAP50', 'deltaAR100', 'operatingPoints', 'labelErrors']),
    );
    expect(json.comparison.bootstrap).toMatchObject({ seed: 1, resamples: 1000 });
    const csv = readFileSync(join(out, 'report-diagnostics.csv'), 'utf8');
    expect(csv).toContain(`tide,bbox,${ids[0]},lab model,Miss,${tideSummary(diagnostics[0].tide).main.Miss},,,\r\n`);
    expect(csv).toMatch(/\r\ndelta,bbox,,,AP50,/);
    expect(readFileSync(join(out, 'report-label-errors.csv'), 'utf8')).toMatch(/^rank,kind,image_id,/);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    for (const section of ['data-section="miss-rate"', 'data-section="comparison"', '<table class="tide" data-iou-type="bbox">'])
      expect(html).toContain(section);
  });

  it('refuses bad requests at the door, and unknown models and thresholds with the reason', async () => {
    const dirOut = join(dir.path, 'refused');
    expect(await exportReport({ modelIds: [ids[0]], dir: dirOut, formats: ['csv'] })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await exportReport({ modelIds: ids, dir: dirOut, formats: ['docx'] })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await exportReport({ modelIds: [ids[0], 999], dir: dirOut, formats: ['csv'] })).toMatchObject({
      ok: false,
      error: { code: 'model-unknown', message: 'No model 999 in this project.' },
    });
    expect(await exportReport({ modelIds: ids, dir: dirOut, formats: ['csv'], iouThreshold: 0.52 })).toMatchObject({
      ok: false,
      error: { code: 'report-invalid', message: expect.stringMatching(/^IoU threshold 0.52 is not one of 0.50, 0.55/) },
    });
    expect(existsSync(dirOut)).toBe(false);
  });

  it('notes a bundled model that has not been run on the images', async () => {
    const bundled = (await services.handlers['models.list']({})).find((m) => m.bundled);
    if (!bundled) return console.warn('skipping: no bundled model is registered');
    const reply = await exportReport({ modelIds: [ids[0], bundled.id], dir: join(dir.path, 'bundled'), formats: ['csv'] });
    expect(reply).toMatchObject({
      ok: true,
      value: { notes: expect.arrayContaining([`${bundled.name} has not been run on 2 of the 2 images; they count as images without detections.`]) },
    });
  });
});

describe('report CSVs with names a spreadsheet would run as formulas', () => {
  const dir = tempDir();
  const project = join(dir.path, 'images');
  const gt = join(dir.path, 'gt.json');
  const coco = {
    ...SMALL_COCO,
    images: [
      { ...SMALL_COCO.images[0], file_name: '+cmd.png' },
      { ...SMALL_COCO.images[1], file_name: '-2+3.jpg' },
    ],
    // No CSV column holds a category today; named like a formula, one never reaches a sheet as one.
    categories: [{ ...SMALL_COCO.categories[0], name: '@SUM(1)' }, SMALL_COCO.categories[1]],
  };
  let services: Services;

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    services = await smallCocoProject(project, gt, coco);
  });
  afterAll(async () => {
    await services.close();
    dir.remove();
  });

  it('writes file and model names as text, not as formulas, and numbers as numbers', async () => {
    const ids = await importResultsModels(services, gt, [
      ['=HYPERLINK("http://x","y")', RESULTS_A],
      ['field model', RESULTS_B],
    ]);
    const out = join(dir.path, 'report');
    const reply = await dispatch(services.handlers, 'report.export', { modelIds: ids, dir: out, formats: ['csv'] });
    expect(reply).toMatchObject({ ok: true });
    const images = readFileSync(join(out, 'report-images.csv'), 'utf8');
    const boxes = readFileSync(join(out, 'report-boxes.csv'), 'utf8');
    for (const text of [images, boxes]) {
      for (const cell of [`"'=HYPERLINK(""http://x"",""y"")"`, `"'+cmd.png"`, `"'-2+3.jpg"`]) expect(text).toContain(`,${cell},`);
      // No unquoted cell begins with =, +, @, a tab, or a - that does not start a number.
      expect(text).not.toMatch(/(^|,)([=+@\t]|-(?![\d.e-]+(,|\r?$)))/m);
    }
    expect(boxes).toContain(',detection,3,0,0,2,2,0.7,3,1,TP\r\n');
  });
});
