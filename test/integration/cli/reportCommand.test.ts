import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { evalInputFor } from '../../../core/compare/evalInput.js';
import { CocoEvaluator } from '../../../core/eval/cocoEval.js';
import { InferenceService } from '../../../main/inference/inferenceService.js';
import { evaluationData } from '../../../main/project/evaluationData.js';
import { ProjectService } from '../../../main/project/projectService.js';
import { describeShared, sharedPath } from '../../helpers/shared.js';
import { syntheticResults } from '../../helpers/syntheticResults.js';
import { tempDir } from '../../helpers/tempDir.js';
import { runPedlab as pedlab } from '../../helpers/cli.js';

const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');
const CHROMIUM = process.env.PEDLAB_CHROMIUM ?? '/usr/bin/chromium';

/** A CSV of plain and quoted fields (as the report writes it) as objects keyed by the header. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const num = (s: string) => (s === '' ? null : Number(s));

describeShared('pedlab report on the Penn-Fudan test split with two models (../shared/data/PennFudanPed)', () => {
  const dir = tempDir();
  const project = join(dir.path, 'pennfudan-test');
  const out = join(dir.path, 'report');
  const gtPath = join(dir.path, 'gt.json');
  const resultPaths = [join(dir.path, 'model-a.json'), join(dir.path, 'model-b.json')];
  let files: string[] = [];
  let json: any;

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    const root = sharedPath('data', 'PennFudanPed');
    const split = ['--split', join(root, 'split.json'), '--subset', 'test'];
    expect((await pedlab('import', '--format', 'pennfudan', root, ...split, '--project', project)).code).toBe(0);
    expect((await pedlab('export', '--format', 'coco', '--project', project, gtPath)).code).toBe(0);
    const gt = JSON.parse(readFileSync(gtPath, 'utf8'));
    writeFileSync(resultPaths[0], JSON.stringify(syntheticResults(gt, { seed: 7, recall: 0.92, jitter: 0.06, falsePositives: 1, masks: 'ground truth' })));
    writeFileSync(resultPaths[1], JSON.stringify(syntheticResults(gt, { seed: 11, recall: 0.8, jitter: 0.12, falsePositives: 3, masks: 'boxes' })));
    for (const [i, path] of resultPaths.entries()) {
      const name = `Model ${'AB'[i]}`;
      const imported = await pedlab('import', '--format', 'coco-results', path, '--gt', gtPath, '--project', project, '--model-name', name);
      expect(imported).toMatchObject({ code: 0, err: '' });
    }
    const report = await pedlab('report', project, '--models', 'Model A', 'Model B', '--out', out, '--score-threshold', '0.5');
    expect(report.err).toBe('');
    expect(report.code).toBe(0);
    files = report.out.split('\n');
    json = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  }, 180_000);
  afterAll(() => dir.remove());

  it('writes every format', () => {
    expect(files.map((f) => f.slice(out.length + 1)).sort()).toEqual(
      [
        'ground-truth.coco.json',
        'report-boxes.csv',
        'report-diagnostics.csv',
        'report-images.csv',
        'report-label-errors.csv',
        'report.html',
        'report.json',
        'report.pdf',
        'results-a-model-a.json',
        'results-b-model-b.json',
      ].sort(),
    );
    expect(readFileSync(join(out, 'report.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('has the stats of CocoEvaluator run directly, and of pedlab eval on the files it was made from', async () => {
    const projects = new ProjectService();
    await projects.openFolder(project);
    const inference = new InferenceService(projects);
    await inference.projectOpened();
    const ids = json.models.map((m: { id: number }) => m.id);
    const data = await evaluationData(projects.store, inference, ids);
    await inference.close();
    projects.close();
    for (const iouType of ['bbox', 'segm'] as const) {
      for (const [i, model] of json.models.entries()) {
        const stats = new CocoEvaluator(evalInputFor(data, model.id), { iouType }).stats();
        expect(Object.values(model.evaluations[iouType].stats)).toEqual([...stats]);
        const original = await pedlab('eval', '--gt', gtPath, '--dt', resultPaths[i], '--iou-type', iouType, '--json');
        expect(JSON.parse(original.out).stats).toEqual(model.evaluations[iouType].stats);
      }
    }
  });

  it('writes COCO files that pedlab eval scores to the same stats', async () => {
    for (const iouType of ['bbox', 'segm']) {
      for (const [i, model] of json.models.entries()) {
        const results = join(out, `results-${'ab'[i]}-model-${'ab'[i]}.json`);
        const scored = await pedlab('eval', '--gt', join(out, 'ground-truth.coco.json'), '--dt', results, '--iou-type', iouType, '--json');
        expect(scored.code).toBe(0);
        expect(JSON.parse(scored.out).stats).toEqual(model.evaluations[iouType].stats);
      }
    }
  });

  it('writes CSV that agrees with the JSON and with the operating points', () => {
    const images = parseCsv(readFileSync(join(out, 'report-images.csv'), 'utf8'));
    expect(images).toHaveLength(json.images.length);
    expect(images.length).toBe(50 * 2 * 2);
    images.forEach((row, i) => {
      const j = json.images[i];
      expect([row.iou_type, Number(row.image_id), row.file_name, Number(row.model_id), row.model]).toEqual([
        j.iouType,
        j.imageId,
        j.fileName,
        j.modelId,
        j.model,
      ]);
      expect([num(row.ap), num(row.ap50), Number(row.tp), Number(row.fp), Number(row.fn), Number(row.num_gt)]).toEqual([
        j.ap,
        j.ap50,
        j.tp,
        j.fp,
        j.fn,
        j.numGt,
      ]);
      expect([Number(row.iou_threshold), Number(row.score_threshold)]).toEqual([0.5, 0.5]);
    });
    const boxes = parseCsv(readFileSync(join(out, 'report-boxes.csv'), 'utf8'));
    expect(boxes).toHaveLength(json.boxes.length);
    for (const iouType of ['bbox', 'segm']) {
      for (const model of json.models) {
        const mine = (r: { iou_type?: string; iouType?: string; model_id?: string; modelId?: number }) =>
          (r.iou_type ?? r.iouType) === iouType && Number(r.model_id ?? r.modelId) === model.id;
        const count = (result: string) => boxes.filter((b) => mine(b) && b.result === result).length;
        const sum = (key: 'tp' | 'fp' | 'fn') => json.images.filter(mine).reduce((n: number, r: Record<string, number>) => n + r[key], 0);
        const point = model.evaluations[iouType].operatingPoint;
        expect([count('TP'), count('FP'), count('FN')]).toEqual([point.tp, point.fp, point.fn]);
        expect([sum('tp'), sum('fp'), sum('fn')]).toEqual([point.tp, point.fp, point.fn]);
      }
    }
  });

  it('writes a self-contained HTML page with both tables and the summaries', () => {
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/https?:/);
    expect(html).not.toMatch(/<script|<link/i);
    const sources = [...html.matchAll(/src="([^"]*)"/g)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThan(0);
    for (const src of sources) expect(src).toMatch(/^data:image\/jpeg;base64,/);
    expect(html).toContain('<table class="stats" data-iou-type="bbox">');
    expect(html).toContain('<table class="stats" data-iou-type="segm">');
    for (const iouType of ['bbox', 'segm']) for (const model of json.models) expect(html).toContain(model.evaluations[iouType].summary);
    // Three PR charts per IoU type, a TIDE chart per IoU type, and the miss-rate curves.
    expect((html.match(/<svg /g) ?? []).length).toBe(3 * 2 + 2 + 1);
  });

  it('renders: the HTML in Chromium and the PDF with pdftoppm, for screenshots', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      await page.goto(`file://${join(out, 'report.html')}`);
      const loaded = await page.evaluate(() => Array.from(document.images).every((img) => img.complete && img.naturalWidth > 0));
      expect(loaded).toBe(true);
      await page.screenshot({ path: join(SCREENSHOTS, 'report-html.png'), fullPage: true });
    } finally {
      await browser.close();
    }
    if (!existsSync('/usr/bin/pdftoppm')) {
      console.warn('skipping the PDF screenshot: pdftoppm (poppler-utils) is not installed');
      return;
    }
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', join(out, 'report.pdf'), join(dir.path, 'page')]);
    const page1 = readdirSync(dir.path).find((f) => /^page-0*1\.png$/.test(f))!;
    copyFileSync(join(dir.path, page1), join(SCREENSHOTS, 'report-pdf-page1.png'));
  });
});
