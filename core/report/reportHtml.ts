import type { IouType } from '../eval/params.js';
import { STAT_NAMES, statIou, statSpecs } from '../eval/cocoStats.js';
import { block, COLORS, esc, fixed, LABELS, modelHeading, signed, signedText } from './htmlParts.js';
import { comparisonSection, missRateSection, tideBlock } from './diagnosticsHtml.js';
import { OVERLAY_STYLE } from './overlaySvg.js';
import { prChartSvg } from './prChart.js';
import { difference } from './reportData.js';
import type { GalleryEntry, ReportModel, ReportSection } from './reportModel.js';

/** Per gallery image id: the overlays of model A and model B as data: URIs. */
export type GalleryImages = ReadonlyMap<number, readonly [string, string]>;

const IOU_TYPE_TITLE: Record<IouType, string> = { bbox: 'Boxes (bbox)', segm: 'Masks (segm)' };

const STYLE = `
*{box-sizing:border-box}
body{font:13px/1.45 Helvetica,Arial,sans-serif;color:#111827;margin:0;background:#fff}
main{max-width:980px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid #e5e7eb}
h3{font-size:14px;margin:16px 0 6px}
.sub{color:#4b5563;margin:0}
table{border-collapse:collapse;margin:6px 0 12px;width:100%}
th,td{border:1px solid #d1d5db;padding:3px 7px;text-align:left;vertical-align:top}
thead th{background:#f3f4f6}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.better{color:#15803d;font-weight:bold}
.worse{color:#b91c1c;font-weight:bold}
.mono{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:11px;word-break:break-all}
.swatch{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:-1px;margin-right:4px}
.charts{display:grid;grid-template-columns:repeat(3,1fr);gap:10px;break-inside:avoid}
.charts svg{width:100%;height:auto;display:block}
.summaries figure{margin:0 0 8px}
pre{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:10px;line-height:1.35;background:#f9fafb;border:1px solid #e5e7eb;padding:6px;margin:4px 0;white-space:pre;overflow-x:auto}
figcaption{font-size:12px;color:#374151}
.legend span{margin-right:14px;white-space:nowrap}
.legend .dashed{background:none;border:2px dashed}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:10px}
.pair img{width:100%;height:auto;max-height:460px;object-fit:contain;background:#f3f4f6;display:block;border:1px solid #d1d5db}
.shot{break-inside:avoid;margin-bottom:14px}
.notes li{color:#92400e}
.figure-row svg{display:block;margin:0 auto 6px;max-width:100%;height:auto}
.split{display:grid;grid-template-columns:1fr 1fr;gap:14px;align-items:start}
.split svg{width:100%;height:auto;display:block}
caption{text-align:left;font-weight:bold;padding:2px 0}
tr.special th,tr.special td{background:#f9fafb;color:#374151}
.verdict{font-weight:bold;margin:2px 0 10px}
table.label-errors{font-size:11px}
footer{margin-top:28px;color:#6b7280;font-size:11px}
section.keep,table,.block{break-inside:avoid}
@page{size:A4;margin:12mm}
@media print{main{padding:0;max-width:none}h2{break-after:avoid}section.page{break-before:page}}
`;

function modelsTable(report: ReportModel): string {
  const [a, b] = report.models;
  const settings = (pick: (m: ReportModel['models'][number]) => string) => [pick(a), pick(b)];
  const rows: [string, string[], boolean?][] = [
    ['Name', settings((m) => m.name)],
    ['Variant', settings((m) => m.variant)],
    ['Kind', settings((m) => m.kind)],
    ['File', settings((m) => m.file), true],
    ['SHA-256', settings((m) => m.sha256), true],
    ['Execution provider (last run)', settings((m) => m.provider ?? 'not run here')],
    ['Stored score threshold', settings((m) => String(m.settings.scoreThreshold))],
    ['Display threshold', settings((m) => String(m.settings.displayThreshold))],
    ['Mask threshold', settings((m) => String(m.settings.maskThreshold))],
    ['NMS threshold', settings((m) => String(m.settings.nmsThreshold))],
    ['Max detections', settings((m) => String(m.settings.maxDetections))],
    ['Max side', settings((m) => (m.settings.maxSide === null ? 'full size' : String(m.settings.maxSide)))],
    ['Score threshold in this report', report.scoreThresholds.map(String)],
    ['Detections stored', report.counts.detections.map(String)],
  ];
  const head = report.models.map((m, i) => `<th><span class="swatch" style="background:${COLORS[i]}"></span>Model ${LABELS[i]}</th>`);
  const body = rows.map(
    ([name, values, mono]) => `<tr><th>${esc(name)}</th>${values.map((v) => `<td${mono ? ' class="mono"' : ''}>${esc(v)}</td>`).join('')}</tr>`,
  );
  return `<table><thead><tr><th></th>${head.join('')}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function statsTable(report: ReportModel, section: ReportSection): string {
  const specs = statSpecs(report.params);
  const [a, b] = section.results.map((r) => r.stats);
  const rows = STAT_NAMES.map((name, k) => {
    const s = specs[k];
    return (
      `<tr><th>${name}</th><td>${s.ap ? 'AP' : 'AR'} @ IoU ${statIou(s, report.params.iouThrs)}, area ${s.area}, maxDets ${s.maxDets}</td>` +
      `<td class="num">${fixed(a[k])}</td><td class="num">${fixed(b[k])}</td>${signed(difference(a[k], b[k]))}</tr>`
    );
  });
  return (
    `<table class="stats" data-iou-type="${section.iouType}"><thead><tr><th>Stat</th><th>Averaged over</th>` +
    `<th class="num">A</th><th class="num">B</th><th class="num">B − A</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function operatingTable(report: ReportModel, section: ReportSection): string {
  const rows = section.results.map((r, i) => {
    const p = r.operatingPoint;
    const cells = [p.scoreThreshold, p.tp, p.fp, p.fn].map((v) => `<td class="num">${v}</td>`).join('');
    const rates = [p.precision, p.recall, p.f1].map((v) => `<td class="num">${v.toFixed(3)}</td>`).join('');
    return `<tr><th>${modelHeading(i as 0 | 1, report.models[i].name)}</th>${cells}${rates}</tr>`;
  });
  const head = ['Score ≥', 'TP', 'FP', 'FN', 'Precision', 'Recall', 'F1'].map((h) => `<th class="num">${h}</th>`).join('');
  return `<table><thead><tr><th>At IoU ${report.iouThreshold.toFixed(2)}</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function charts(report: ReportModel, section: ReportSection): string {
  const chart = (title: string, pick: 'iou50' | 'iou75' | 'mean', stat: number, statName: string) =>
    prChartSvg(
      title,
      section.results.map((r, i) => ({
        label: `${LABELS[i]}: ${report.models[i].name} (${statName} ${fixed(r.stats[stat])})`,
        color: COLORS[i],
        precision: r.curves[pick],
      })),
      report.params.recThrs,
    );
  return `<div class="charts">${chart('IoU 0.50', 'iou50', 1, 'AP50')}${chart('IoU 0.75', 'iou75', 2, 'AP75')}${chart('IoU 0.50:0.95 (mean)', 'mean', 0, 'AP')}</div>`;
}

function summaries(report: ReportModel, section: ReportSection): string {
  const blocks = section.results.map(
    (r, i) => `<figure><figcaption>${LABELS[i]}: ${esc(report.models[i].name)}</figcaption><pre>${esc(r.summary)}</pre></figure>`,
  );
  return `<div class="summaries">${blocks.join('')}</div>`;
}

function sectionHtml(report: ReportModel, section: ReportSection): string {
  return [
    `<section class="page" data-iou-type="${section.iouType}">`,
    `<h2>${IOU_TYPE_TITLE[section.iouType]}</h2>`,
    statsTable(report, section),
    block('Precision and recall at a score threshold', operatingTable(report, section)),
    block(`Precision/recall curves (interpolated, maxDets ${report.params.maxDets[report.params.maxDets.length - 1]}, area all)`, charts(report, section)),
    tideBlock(report, section),
    block('pycocotools summary', summaries(report, section)),
    `</section>`,
  ].join('\n');
}

function legend(): string {
  const items = (['gt', 'tp', 'fp', 'fn'] as const).map((kind) => {
    const s = OVERLAY_STYLE[kind];
    const swatch = s.dash
      ? `<span class="swatch dashed" style="border-color:${s.color}"></span>`
      : `<span class="swatch" style="background:${s.color}"></span>`;
    return `<span>${swatch}${s.label}</span>`;
  });
  return `<p class="legend">${items.join('')}</p>`;
}

function galleryEntry(report: ReportModel, entry: GalleryEntry, images: GalleryImages): string {
  const uris = images.get(entry.imageId);
  const ap = (v: number | null) => (v === null ? '—' : v.toFixed(3));
  const gap = entry.ap[0] !== null && entry.ap[1] !== null ? ` (B − A ${signedText(entry.ap[1] - entry.ap[0])})` : '';
  const sides = entry.counts.map((c, i) => {
    const img = uris ? `<img src="${uris[i]}" alt="${esc(entry.fileName)}, model ${LABELS[i]}">` : '';
    const below = c.below ? ` (${c.below} below the score threshold, not drawn)` : '';
    return `<figure style="margin:0">${img}<figcaption>${LABELS[i]}: ${esc(report.models[i].name)}, TP ${c.tp} · FP ${c.fp} · FN ${c.fn}${below}</figcaption></figure>`;
  });
  return (
    `<div class="shot"><h3>${esc(entry.fileName)} <span class="sub">AP A ${ap(entry.ap[0])} · B ${ap(entry.ap[1])}${gap}</span></h3>` +
    `<div class="pair">${sides.join('')}</div></div>`
  );
}

function gallery(report: ReportModel, images: GalleryImages): string {
  const intro =
    `<p class="sub">The images whose AP@[.50:.95] (bbox) differs most between the models. Detections scored at least ` +
    `the score threshold are drawn, judged at IoU ${report.iouThreshold.toFixed(2)}.</p>`;
  const body = report.gallery.length ? report.gallery.map((e) => galleryEntry(report, e, images)).join('\n') : '<p>The models agree on every image.</p>';
  return `<section class="page"><h2>Images where the models differ most</h2>${intro}${legend()}${body}</section>`;
}

function projectTable(report: ReportModel): string {
  const p = report.params;
  const rows: [string, string][] = [
    ['Project', report.project.name],
    ['Folder', report.project.folder],
    ['Images', String(report.counts.images)],
    ['Ground-truth instances', String(report.counts.groundTruth)],
    ['Categories', report.counts.categories.join(', ')],
    ['IoU thresholds', `${p.iouThrs[0].toFixed(2)}:${p.iouThrs[p.iouThrs.length - 1].toFixed(2)} (${p.iouThrs.length})`],
    ['Max detections', p.maxDets.join(', ')],
    ['Area ranges (px²)', p.areaRngLbl.map((l, i) => `${l} ${p.areaRng[i].map((v) => (v >= 1e10 ? '∞' : String(v))).join('–')}`).join(', ')],
    ['Counts at', `IoU ${report.iouThreshold.toFixed(2)}, score ≥ ${report.scoreThresholds[0]} (A) / ${report.scoreThresholds[1]} (B)`],
  ];
  return `<table><tbody>${rows.map(([k, v]) => `<tr><th style="width:26%">${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</tbody></table>`;
}

/** The report as one self-contained HTML page: inline CSS, inline SVG charts, gallery images as data: URIs, no scripts. */
export function reportHtml(report: ReportModel, images: GalleryImages): string {
  const notes = report.notes.length ? `<ul class="notes">${report.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : '';
  const title = `Pedlab evaluation report: ${report.project.name}`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title><style>${STYLE}</style></head><body><main>`,
    `<h1>${esc(title)}</h1>`,
    `<p class="sub">${esc(report.models[0].name)} (A) against ${esc(report.models[1].name)} (B) · made ${esc(report.createdAt)} by Pedlab ${esc(report.appVersion)}</p>`,
    notes,
    `<section class="keep"><h2>Project</h2>${projectTable(report)}</section>`,
    `<section class="keep"><h2>Models</h2>${modelsTable(report)}</section>`,
    ...report.sections.map((s) => sectionHtml(report, s)),
    missRateSection(report),
    comparisonSection(report),
    gallery(report, images),
    `<footer>COCO evaluation computed as pycocotools' COCOeval does. B − A is model B's value minus model A's; — marks a range without ground truth.</footer>`,
    '</main></body></html>',
  ].join('\n');
}
