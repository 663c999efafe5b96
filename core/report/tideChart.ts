import { escapeXml } from '../formats/xml.js';

export interface TideSeries {
  label: string;
  color: string;
  /** ΔAP per error, in the order of the chart's errors (fractions). */
  values: readonly number[];
}

const WIDTH = 480;
const LEFT = 52;
const RIGHT = 56;
const TOP = 28;
const BAR = 10;
const GAP = 8;
const LEGEND_LINE = 16;

const n = (v: number) => v.toFixed(1);

/**
 * TIDE's error breakdown as grouped horizontal bars, SVG to inline in HTML: one group per error, one bar per
 * series, each labelled with its ΔAP; the bars share one scale, from 0 to the largest ΔAP.
 */
export function tideChartSvg(title: string, errors: readonly string[], series: readonly TideSeries[]): string {
  const group = series.length * BAR + GAP;
  const plotHeight = errors.length * group;
  const legendTop = TOP + plotHeight + 22;
  const height = legendTop + series.length * LEGEND_LINE + 4;
  const plotWidth = WIDTH - LEFT - RIGHT;
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const scale = (v: number) => (max > 0 ? (Math.max(v, 0) / max) * plotWidth : 0);
  const parts: string[] = [
    `<svg viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeXml(title)}" font-family="Helvetica, Arial, sans-serif" font-size="11">`,
    `<text x="${WIDTH / 2}" y="16" text-anchor="middle" font-size="13" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  errors.forEach((error, e) => {
    const top = TOP + e * group;
    parts.push(`<text x="${LEFT - 8}" y="${n(top + (series.length * BAR) / 2 + 4)}" text-anchor="end" font-weight="bold">${escapeXml(error)}</text>`);
    series.forEach((s, i) => {
      const v = s.values[e];
      const w = scale(v);
      const by = top + i * BAR;
      parts.push(
        `<rect x="${LEFT}" y="${by}" width="${n(w)}" height="${BAR - 1}" fill="${s.color}"/>`,
        `<text x="${n(LEFT + w + 4)}" y="${by + BAR - 2}" font-size="9">${v.toFixed(3)}</text>`,
      );
    });
  });
  parts.push(`<line x1="${LEFT}" y1="${TOP - 4}" x2="${LEFT}" y2="${TOP + plotHeight - GAP + 4}" stroke="#6b7280"/>`);
  parts.push(
    `<text x="${LEFT + plotWidth / 2}" y="${TOP + plotHeight + 8}" text-anchor="middle" font-size="11" fill="#374151">ΔAP when the error is fixed</text>`,
  );
  series.forEach((s, i) => {
    const ly = legendTop + i * LEGEND_LINE;
    parts.push(
      `<rect x="${LEFT}" y="${ly - 9}" width="22" height="10" fill="${s.color}"/>`,
      `<text x="${LEFT + 28}" y="${ly}">${escapeXml(s.label.length > 64 ? `${s.label.slice(0, 63)}…` : s.label)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}
