import type { ImportReport } from '../../../core/ipc/types';

const SHOWN = 8;

/** "1 image", "3 images". */
const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** A folded list of the first few items, with how many more there are; nothing when there are none. */
function Listed({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <details>
      <summary>{title}</summary>
      <ul className="report-files">
        {items.slice(0, SHOWN).map((item) => (
          <li key={item}>{item}</li>
        ))}
        {items.length > SHOWN && <li>and {items.length - SHOWN} more</li>}
      </ul>
    </details>
  );
}

/** What an import did, as the dialog shows it once it is done. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const lines = [
    report.model
      ? `Stored ${count(report.predictions, 'prediction')} on ${count(report.images, 'image')} as model “${report.model.name}”.`
      : `Imported ${count(report.annotations, 'annotation')} on ${count(report.images, 'image')}.`,
  ];
  if (report.droppedDetections) lines.push(`${count(report.droppedDetections, 'detection')} left out.`);
  if (report.addedImages > 0) lines.push(`${count(report.addedImages, 'image')} added to the project.`);
  if (report.newCategories.length > 0) lines.push(`New categories: ${report.newCategories.join(', ')}.`);
  return (
    <div className="import-report" data-testid="import-report" role="status">
      {lines.map((l) => (
        <div key={l}>{l}</div>
      ))}
      <Listed
        title={`${report.unreadable.length} images could not be used (their annotations were not imported)`}
        items={report.unreadable.map((u) => `${u.image}: ${u.error}`)}
      />
      <Listed
        title={`${report.disagreements.length} images whose text annotation disagrees with the mask (1-based pixels, as in the text)`}
        items={report.disagreements.map((d) => `${d.image}: ${d.problems.join('; ')}`)}
      />
      {report.warnings.map((w) => (
        <div key={w} className="dialog-warning">
          {w}
        </div>
      ))}
    </div>
  );
}
