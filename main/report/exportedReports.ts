import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PedlabError } from '../errors.js';
import { writtenFiles } from '../importExport/writtenFiles.js';
import { dataDir } from '../project/dataDir.js';

/** Where reports go unless the user picks a folder: DATA/reports/. */
export function reportsDir(): string {
  return join(dataDir(), 'reports');
}

/** A folder for a project's next report that does not exist yet: DATA/reports/PROJECT-DATE, then -2, -3, … */
export function newReportFolder(projectName: string, today = new Date()): string {
  const slug =
    projectName
      .replace(/[^A-Za-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'project';
  const stem = join(reportsDir(), `${slug}-${today.toISOString().slice(0, 10)}`);
  for (let n = 1; ; n++) {
    const dir = n === 1 ? stem : `${stem}-${n}`;
    if (!existsSync(dir)) return dir;
  }
}

/**
 * The HTML reports this session exported, by a number the page may ask to open: never a path. A report opens only
 * while its file is as Pedlab wrote it (as `writtenFiles` remembers it); one changed or removed since is refused.
 */
export class ExportedReports {
  private readonly byId = new Map<number, string>();

  /** The id of the report.html among `files`, or undefined when none was written. */
  add(files: readonly string[]): number | undefined {
    const html = files.find((f) => basename(f) === 'report.html');
    if (!html) return undefined;
    const id = this.byId.size + 1;
    this.byId.set(id, html);
    return id;
  }

  /** The report file of an id, while it is still as Pedlab wrote it. */
  path(id: number): string {
    const path = this.byId.get(id);
    if (!path) throw new PedlabError('report-unknown', `No report ${id} was exported in this session.`);
    if (!writtenFiles.unchangedSinceWritten(path)) {
      throw new PedlabError('report-changed', `${path} was changed or removed since Pedlab wrote it, so Pedlab does not open it.`);
    }
    return path;
  }
}
