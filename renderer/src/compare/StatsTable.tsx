import { STAT_NAMES, type Stats } from '../../../core/eval/cocoStats';

interface Props {
  names: [string, string];
  a: Stats | null;
  b: Stats | null;
}

const fmt = (v: number | undefined) => (v === undefined ? '' : v < 0 ? '—' : v.toFixed(3));

/** The 12 COCO numbers of two models in pycocotools' order, with B − A. */
export function StatsTable({ names, a, b }: Props) {
  return (
    <table className="stats-table" data-testid="stats-table">
      <thead>
        <tr>
          <th />
          <th title={names[0]}>A</th>
          <th title={names[1]}>B</th>
          <th>B − A</th>
        </tr>
      </thead>
      <tbody>
        {STAT_NAMES.map((name, i) => {
          const va = a?.[i];
          const vb = b?.[i];
          const diff = va !== undefined && vb !== undefined && va >= 0 && vb >= 0 ? vb - va : undefined;
          return (
            <tr key={name} data-stat={name}>
              <th scope="row">{name}</th>
              <td data-model="a">{fmt(va)}</td>
              <td data-model="b">{fmt(vb)}</td>
              <td className={diff === undefined ? '' : diff > 0.0005 ? 'better' : diff < -0.0005 ? 'worse' : ''}>
                {diff === undefined ? '' : `${diff >= 0 ? '+' : ''}${diff.toFixed(3)}`}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
