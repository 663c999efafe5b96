import type { MissRatePoint } from '../eval/missRate/missRateCurve.js';
import { escapeXml } from '../formats/xml.js';

export interface MissRateSeries {
  label: string;
  color: string;
  curve: readonly MissRatePoint[];
}

const WIDTH = 360;
const PLOT = { left: 46, top: 28, width: 290, height: 210 };
const LEGEND_LINE = 16;
/** The plotted FPPI decades and miss-rate range, on log axes as the literature (and the app) draws them. */
const FPPI: readonly [number, number] = [1e-3, 1e1];
const MISS: readonly [number, number] = [0.05, 1];
const FPPI_TICKS = [1e-3, 1e-2, 1e-1, 1, 10];
const MISS_TICKS = [0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1];

const unit = (v: number, [lo, hi]: readonly [number, number]) =>
  (Math.log10(Math.min(Math.max(v, lo), hi)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
const x = (fppi: number) => PLOT.left + unit(fppi, FPPI) * PLOT.width;
const y = (missRate: number) => PLOT.top + (1 - unit(missRate, MISS)) * PLOT.height;
const n = (v: number) => v.toFixed(1);

/** The curve's points in whole-pixel steps (a curve has a point per detection), values off the axes held at their edge. */
function line(s: MissRateSeries): string {
  const points: string[] = [];
  let last = '';
  for (const p of s.curve) {
    const at = `${n(x(p.fppi))},${n(y(p.missRate))}`;
    if (at !== last) points.push(at);
    last = at;
  }
  return points.length ? `<polyline points="${points.join(' ')}" fill="none" stroke="${s.color}" stroke-width="2" stroke-linejoin="round"/>` : '';
}

function tickText(f: number): string {
  return f >= 1 ? String(f) : `10${['⁻¹', '⁻²', '⁻³'][Math.round(-Math.log10(f)) - 1]}`;
}

/**
 * Miss rate against false positives per image as SVG to inline in HTML: both axes logarithmic (FPPI 10⁻³ to
 * 10, miss rate 0.05 to 1), the span MR⁻² averages over (FPPI 10⁻² to 1) shaded, one line per series, a legend below.
 */
export function missRateChartSvg(title: string, series: readonly MissRateSeries[]): string {
  const bottom = PLOT.top + PLOT.height;
  const right = PLOT.left + PLOT.width;
  const legendTop = bottom + 52;
  const height = legendTop + series.length * LEGEND_LINE + 4;
  const parts: string[] = [
    `<svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeXml(title)}" font-family="Helvetica, Arial, sans-serif" font-size="11">`,
    `<text x="${WIDTH / 2}" y="16" text-anchor="middle" font-size="13" font-weight="bold">${escapeXml(title)}</text>`,
    `<rect x="${n(x(1e-2))}" y="${PLOT.top}" width="${n(x(1) - x(1e-2))}" height="${PLOT.height}" fill="#f3f4f6"/>`,
  ];
  for (const f of FPPI_TICKS) {
    parts.push(
      `<line x1="${n(x(f))}" y1="${PLOT.top}" x2="${n(x(f))}" y2="${bottom}" stroke="#e5e7eb"/>`,
      `<text x="${n(x(f))}" y="${bottom + 14}" text-anchor="middle">${tickText(f)}</text>`,
    );
  }
  for (const m of MISS_TICKS) {
    parts.push(
      `<line x1="${PLOT.left}" y1="${n(y(m))}" x2="${right}" y2="${n(y(m))}" stroke="#e5e7eb"/>`,
      `<text x="${PLOT.left - 6}" y="${n(y(m) + 4)}" text-anchor="end">${m}</text>`,
    );
  }
  parts.push(
    `<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.width}" height="${PLOT.height}" fill="none" stroke="#6b7280"/>`,
    `<text x="${n((x(1e-2) + x(1)) / 2)}" y="${bottom - 6}" text-anchor="middle" font-size="10" fill="#6b7280">MR⁻² span</text>`,
    `<text x="${PLOT.left + PLOT.width / 2}" y="${bottom + 30}" text-anchor="middle" font-size="12">False positives per image</text>`,
    `<text transform="translate(12 ${PLOT.top + PLOT.height / 2}) rotate(-90)" text-anchor="middle" font-size="12">Miss rate</text>`,
  );
  parts.push(...series.map(line));
  series.forEach((s, i) => {
    const ly = legendTop + i * LEGEND_LINE;
    parts.push(
      `<line x1="${PLOT.left}" y1="${ly - 4}" x2="${PLOT.left + 22}" y2="${ly - 4}" stroke="${s.color}" stroke-width="3"/>`,
      `<text x="${PLOT.left + 28}" y="${ly}">${escapeXml(s.label.length > 50 ? `${s.label.slice(0, 49)}…` : s.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
