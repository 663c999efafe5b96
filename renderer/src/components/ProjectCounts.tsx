import type { ProjectSummary } from '../../../core/ipc/types';

/** The header's counts: the images that open, those that do not, and what the folder scan left out. */
export function ProjectCounts({ project }: { project: ProjectSummary }) {
  const readable = project.imageCount - project.errorCount;
  const scan = project.scan;
  const leftOut = [
    scan?.skippedFiles ? `${scan.skippedFiles} more not listed (at most ${scan.maxFiles} are)` : '',
    scan?.foldersTooDeep ? `${scan.foldersTooDeep} ${scan.foldersTooDeep === 1 ? 'folder' : 'folders'} deeper than ${scan.maxDepth} levels not scanned` : '',
  ].filter(Boolean);
  return (
    <span className="muted" title={project.folder} data-testid="project-counts">
      {readable} {readable === 1 ? 'image' : 'images'}
      {project.errorCount ? ` · ${project.errorCount} unreadable` : ''}
      {leftOut.map((note) => ` · ${note}`).join('')}
    </span>
  );
}
