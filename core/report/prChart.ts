import { escapeXml } from '../formats/xml.js';

export interface ChartSeries {
  label: string;
  color: string;
  /** Precision at each recall level; values below 0 (no ground truth) are not drawn. */
  precision: readonly number[];
}

const WIDTH = 320;
const PLOT = { left: 44, top: 28, size: 236 };
const LEGEND_LINE = 16;
const TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1];

const x = (recall: number) => PLOT.left + recall * PLOT.size;
const y = (precision: number) => PLOT.top + (1 - precision) * PLOT.size;
const n = (v: number) => v.toFixed(1);

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function line(s: ChartSeries, recThrs: readonly number[]): string {
  const points = recThrs.flatMap((r, i) => (s.precision[i] >= 0 ? [`${n(x(r))},${n(y(s.precision[i]))}`] : []));
  if (points.length === 0) return '';
  return `<polyline points="${points.join(' ')}" fill="none" stroke="${s.color}" stroke-width="2" stroke-linejoin="round"/>`;
}

/** A precision/recall chart as SVG to inline in HTML (so without xmlns): axes from 0 to 1 with labels, one line per series, a legend below. */
export function prChartSvg(title: string, series: readonly ChartSeries[], recThrs: readonly number[]): string {
  const plotBottom = PLOT.top + PLOT.size;
  const legendTop = plotBottom + 54;
  const height = legendTop + series.length * LEGEND_LINE + 4;
  const parts: string[] = [
    `<svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeXml(title)}" font-family="Helvetica, Arial, sans-serif" font-size="11">`,
    `<text x="${WIDTH / 2}" y="16" text-anchor="middle" font-size="13" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  for (const t of TICKS) {
    parts.push(
      `<line x1="${n(x(t))}" y1="${PLOT.top}" x2="${n(x(t))}" y2="${plotBottom}" stroke="#e5e7eb"/>`,
      `<line x1="${PLOT.left}" y1="${n(y(t))}" x2="${PLOT.left + PLOT.size}" y2="${n(y(t))}" stroke="#e5e7eb"/>`,
      `<text x="${n(x(t))}" y="${plotBottom + 14}" text-anchor="middle">${t.toFixed(1)}</text>`,
      `<text x="${PLOT.left - 6}" y="${n(y(t) + 4)}" text-anchor="end">${t.toFixed(1)}</text>`,
    );
  }
  parts.push(
    `<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.size}" height="${PLOT.size}" fill="none" stroke="#6b7280"/>`,
    `<text x="${PLOT.left + PLOT.size / 2}" y="${plotBottom + 30}" text-anchor="middle" font-size="12">Recall</text>`,
    `<text transform="translate(12 ${PLOT.top + PLOT.size / 2}) rotate(-90)" text-anchor="middle" font-size="12">Precision</text>`,
    ...series.map((s) => line(s, recThrs)),
  );
  series.forEach((s, i) => {
    const ly = legendTop + i * LEGEND_LINE;
    parts.push(
      `<line x1="${PLOT.left}" y1="${ly - 4}" x2="${PLOT.left + 22}" y2="${ly - 4}" stroke="${s.color}" stroke-width="3"/>`,
      `<text x="${PLOT.left + 28}" y="${ly}">${escapeXml(clip(s.label, 44))}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
