import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { groundTruthCoco, resultsCoco } from '../../core/report/cocoFiles.js';
import { diagnosticsCsv, labelErrorsCsv } from '../../core/report/diagnosticsData.js';
import { boxesCsv, imagesCsv, reportJson } from '../../core/report/reportData.js';
import { reportHtml } from '../../core/report/reportHtml.js';
import { buildReport } from '../../core/report/reportModel.js';
import type { ReportExport, ReportFormat } from '../../core/ipc/types.js';
import { PedlabError } from '../errors.js';
import { writeOutputs, type OutputOptions } from '../importExport/outputFiles.js';
import type { InferenceService } from '../inference/inferenceService.js';
import type { ProjectStore } from '../store/projectStore.js';
import { renderGallery } from './galleryImages.js';
import { chromiumPdf, type PdfPrinter } from './printPdf.js';
import { reportInput, type ReportOptions } from './reportSource.js';

export interface ReportExportRequest extends ReportOptions {
  /** The folder the files go to (created when missing). */
  dir: string;
  formats: ReportFormat[];
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'model'
  );
}

/**
 * Writes the comparison report of two models into `dir`: report.html (self-contained) and report.pdf; per-image,
 * per-box, diagnostics and label-error CSV; report.json with every stat and parameter, with the ground truth and each model's predictions
 * as COCO files that pycocotools (or `pedlab eval`) scores to the same numbers.
 */
export async function exportReport(
  store: ProjectStore,
  inference: InferenceService,
  request: ReportExportRequest,
  options: OutputOptions,
  printPdf: PdfPrinter = chromiumPdf,
): Promise<ReportExport> {
  const dir = resolve(request.dir);
  const formats = new Set(request.formats);
  const input = await reportInput(store, inference, request);
  let report;
  try {
    report = buildReport(input);
  } catch (err) {
    throw new PedlabError('report-invalid', err instanceof Error ? err.message : String(err));
  }
  const { files } = await writeOutputs(dir, options, (staged) => writeReportFiles(staged, { store, input, report, formats, printPdf }));
  return { files, notes: report.notes };
}

interface ReportFiles {
  store: ProjectStore;
  input: Awaited<ReturnType<typeof reportInput>>;
  report: ReturnType<typeof buildReport>;
  formats: ReadonlySet<ReportFormat>;
  printPdf: PdfPrinter;
}

async function writeReportFiles(dir: string, { store, input, report, formats, printPdf }: ReportFiles): Promise<void> {
  await mkdir(dir, { recursive: true });
  const write = (name: string, text: string) => writeFile(join(dir, name), text);
  if (formats.has('html') || formats.has('pdf')) {
    const html = reportHtml(report, await renderGallery(store, report));
    if (formats.has('html')) await write('report.html', html);
    if (formats.has('pdf')) {
      const scratch = formats.has('html') ? null : await mkdtemp(join(tmpdir(), 'pedlab-report-'));
      const htmlPath = scratch ? join(scratch, 'report.html') : join(dir, 'report.html');
      try {
        if (scratch) await writeFile(htmlPath, html);
        await printPdf(htmlPath, join(dir, 'report.pdf'));
      } finally {
        if (scratch) await rm(scratch, { recursive: true, force: true });
      }
    }
  }
  if (formats.has('csv')) {
    await write('report-images.csv', imagesCsv(report));
    await write('report-boxes.csv', boxesCsv(report));
    await write('report-diagnostics.csv', diagnosticsCsv(report));
    await write('report-label-errors.csv', labelErrorsCsv(report));
  }
  if (formats.has('json')) {
    await write('report.json', JSON.stringify(reportJson(report), null, 1));
    await write('ground-truth.coco.json', JSON.stringify(groundTruthCoco(input.data, `Pedlab project "${report.project.name}"`)));
    for (const [i, model] of report.models.entries()) {
      await write(`results-${i === 0 ? 'a' : 'b'}-${slug(model.name)}.json`, JSON.stringify(resultsCoco(input.data, model.id)));
    }
  }
}
