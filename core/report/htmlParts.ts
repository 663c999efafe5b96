import { MODEL_COLOURS_ON_WHITE } from '../compare/palette.js';
import { escapeXml } from '../formats/xml.js';

/** What the report's HTML pieces share: the models' colours and labels, and how numbers and differences read. */
export const esc = escapeXml;
export const COLORS = MODEL_COLOURS_ON_WHITE;
export const LABELS = ['A', 'B'] as const;

/** A stat to three places; — for -1 (no ground truth in that range). */
export const fixed = (v: number, digits = 3) => (v < 0 ? '—' : v.toFixed(digits));

export function signedText(d: number, digits = 3): string {
  return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${Math.abs(d).toFixed(digits)}`;
}

/** A B − A cell, green where B is better and red where it is worse; — when either value is missing. */
export function signed(d: number | null, higherIsBetter = true, digits = 3): string {
  if (d === null) return '<td class="num">—</td>';
  const gain = higherIsBetter ? d : -d;
  const cls = gain > 0.0005 ? 'better' : gain < -0.0005 ? 'worse' : '';
  return `<td class="num ${cls}">${signedText(d, digits)}</td>`;
}

/** A model's row heading: its colour, its letter and its name. */
export function modelHeading(i: 0 | 1, name: string): string {
  return `<span class="swatch" style="background:${COLORS[i]}"></span>${LABELS[i]}: ${esc(name)}`;
}

/** A heading and what it introduces, kept on one page. */
export function block(title: string, body: string): string {
  return `<div class="block"><h3>${esc(title)}</h3>${body}</div>`;
}
