import { memo } from 'react';

export interface Series {
  label: string;
  colour: string;
  dash?: string;
  /** Precision at each recall threshold; negative where undefined. */
  precision: ArrayLike<number>;
  recThrs: readonly number[];
}

const W = 300;
const H = 190;
const PAD = { left: 34, right: 8, top: 8, bottom: 26 };

/** Precision–recall curves as an SVG chart, axes from 0 to 1. */
export const PrChart = memo(function PrChart({ title, series }: { title: string; series: Series[] }) {
  const x = (r: number) => PAD.left + r * (W - PAD.left - PAD.right);
  const y = (p: number) => H - PAD.bottom - p * (H - PAD.top - PAD.bottom);
  const path = (s: Series) => {
    const points: string[] = [];
    for (let i = 0; i < s.recThrs.length; i++) {
      const p = s.precision[i];
      if (p < 0) continue;
      points.push(`${points.length ? 'L' : 'M'}${x(s.recThrs[i]).toFixed(1)},${y(p).toFixed(1)}`);
    }
    return points.join(' ');
  };
  return (
    <figure className="pr-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} width="100%">
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line x1={x(0)} x2={x(1)} y1={y(t)} y2={y(t)} className="grid" />
            <text x={PAD.left - 4} y={y(t) + 3} textAnchor="end" className="tick">
              {t}
            </text>
            <text x={x(t)} y={H - PAD.bottom + 12} textAnchor="middle" className="tick">
              {t}
            </text>
          </g>
        ))}
        <text x={(x(0) + x(1)) / 2} y={H - 3} textAnchor="middle" className="axis">
          recall
        </text>
        <text x={10} y={(y(0) + y(1)) / 2} textAnchor="middle" className="axis" transform={`rotate(-90 10 ${(y(0) + y(1)) / 2})`}>
          precision
        </text>
        {series.map((s) => (
          <path key={s.label} d={path(s)} fill="none" stroke={s.colour} strokeWidth={1.8} strokeDasharray={s.dash} data-series={s.label} />
        ))}
      </svg>
      <div className="legend">
        {series.map((s) => (
          <span key={s.label}>
            <svg width="18" height="8">
              <line x1="0" x2="18" y1="4" y2="4" stroke={s.colour} strokeWidth="2" strokeDasharray={s.dash} />
            </svg>
            {s.label}
          </span>
        ))}
      </div>
    </figure>
  );
});
