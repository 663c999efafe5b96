import type { MissRatePoint } from '../../../core/eval/missRate/missRateCurve';

export interface MissRateSeries {
  label: string;
  colour: string;
  curve: readonly MissRatePoint[];
}

const W = 300;
const H = 190;
const PAD = { left: 38, right: 8, top: 8, bottom: 26 };
/** The plotted FPPI decades (10⁻³ to 10¹) and miss-rate range (0.05 to 1), on log axes as the literature draws them. */
const FPPI = [1e-3, 1e1];
const MISS = [0.05, 1];

/** Miss rate against false positives per image, both axes logarithmic, with the nine-point MR⁻² span shaded. */
export function MissRateChart({ title, series }: { title: string; series: MissRateSeries[] }) {
  const lx = (f: number) => (Math.log10(Math.min(Math.max(f, FPPI[0]), FPPI[1])) - Math.log10(FPPI[0])) / (Math.log10(FPPI[1]) - Math.log10(FPPI[0]));
  const ly = (m: number) => (Math.log10(Math.min(Math.max(m, MISS[0]), MISS[1])) - Math.log10(MISS[0])) / (Math.log10(MISS[1]) - Math.log10(MISS[0]));
  const x = (f: number) => PAD.left + lx(f) * (W - PAD.left - PAD.right);
  const y = (m: number) => H - PAD.bottom - ly(m) * (H - PAD.top - PAD.bottom);
  const path = (curve: readonly MissRatePoint[]) =>
    curve
      .filter((p) => p.fppi > 0)
      .map((p, i) => `${i ? 'L' : 'M'}${x(p.fppi).toFixed(1)},${y(p.missRate).toFixed(1)}`)
      .join(' ');
  return (
    <figure className="pr-chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} width="100%">
        <rect x={x(1e-2)} width={x(1) - x(1e-2)} y={y(1)} height={y(MISS[0]) - y(1)} className="span" />
        {[1e-3, 1e-2, 1e-1, 1, 10].map((f) => (
          <g key={f}>
            <line x1={x(f)} x2={x(f)} y1={y(MISS[0])} y2={y(1)} className="grid" />
            <text x={x(f)} y={H - PAD.bottom + 12} textAnchor="middle" className="tick">
              {f >= 1 ? f : `1e${Math.round(Math.log10(f))}`}
            </text>
          </g>
        ))}
        {[0.05, 0.1, 0.2, 0.5, 1].map((m) => (
          <g key={m}>
            <line x1={x(FPPI[0])} x2={x(FPPI[1])} y1={y(m)} y2={y(m)} className="grid" />
            <text x={PAD.left - 4} y={y(m) + 3} textAnchor="end" className="tick">
              {m}
            </text>
          </g>
        ))}
        <text x={(x(FPPI[0]) + x(FPPI[1])) / 2} y={H - 3} textAnchor="middle" className="axis">
          false positives per image
        </text>
        <text x={10} y={(y(MISS[0]) + y(1)) / 2} textAnchor="middle" className="axis" transform={`rotate(-90 10 ${(y(MISS[0]) + y(1)) / 2})`}>
          miss rate
        </text>
        {series.map((s) => (
          <path key={s.label} d={path(s.curve)} fill="none" stroke={s.colour} strokeWidth={1.8} data-series={s.label} />
        ))}
      </svg>
      <div className="legend">
        {series.map((s) => (
          <span key={s.label}>
            <svg width="18" height="8">
              <line x1="0" x2="18" y1="4" y2="4" stroke={s.colour} strokeWidth="2" />
            </svg>
            {s.label}
          </span>
        ))}
      </div>
    </figure>
  );
}
