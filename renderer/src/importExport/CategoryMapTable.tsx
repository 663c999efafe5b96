import { mapClasses } from '../../../core/detect/classes';

/** What each of a source's categories is stored as: a project category's name, or null (the source's own name for ground truth; left out for predictions). */
export type CategoryChoice = Record<string, string | null>;

/** The dialog's first guess: the project's category of that name or alias (`person` for `pedestrian`), else none. */
export function suggestedChoice(sourceNames: readonly string[], projectNames: readonly string[]): CategoryChoice {
  const matched = mapClasses(sourceNames, projectNames);
  return Object.fromEntries(sourceNames.map((name, i) => [name, matched[i]]));
}

/** The `FROM=TO` pairs a choice sends: one for each source category stored under another name. */
export function mapPairs(choice: CategoryChoice): string[] {
  return Object.entries(choice)
    .filter(([from, to]) => to !== null && to !== from)
    .map(([from, to]) => `${from}=${to}`);
}

interface Props {
  sourceNames: readonly string[];
  projectNames: readonly string[];
  choice: CategoryChoice;
  /** Predictions of a category the project lacks are left out; ground truth of one creates it. */
  kind: 'ground-truth' | 'predictions';
  onChange(choice: CategoryChoice): void;
}

const NONE = '';

/** One row per source category, with the project category it is stored as. */
export function CategoryMapTable({ sourceNames, projectNames, choice, kind, onChange }: Props) {
  return (
    <table className="category-map" aria-label="Category mapping">
      <thead>
        <tr>
          <th scope="col">In the source</th>
          <th scope="col">Stored as</th>
        </tr>
      </thead>
      <tbody>
        {sourceNames.map((name) => {
          const chosen = choice[name] ?? null;
          // Ground truth of a category the project lacks creates it; predictions of one that matches none are left out.
          const canStayOutside = kind === 'ground-truth' ? !projectNames.includes(name) : mapClasses([name], projectNames)[0] === null;
          return (
            <tr key={name}>
              <td>{name}</td>
              <td>
                <select
                  aria-label={`Store ${name} as`}
                  value={chosen ?? NONE}
                  onChange={(e) => onChange({ ...choice, [name]: e.target.value === NONE ? null : e.target.value })}
                >
                  {canStayOutside && <option value={NONE}>{kind === 'ground-truth' ? `new category “${name}”` : 'left out (no such category)'}</option>}
                  {projectNames.map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
