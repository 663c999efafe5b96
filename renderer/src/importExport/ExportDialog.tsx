import { useState } from 'react';
import { EXPORT_FORMATS, exportFormatInfo } from '../../../core/formats/importFormats';
import type { ExportFormat, ExportReport } from '../../../core/ipc/types';
import { api } from '../api/client';
import { FormDialog } from '../components/FormDialog';
import { useReplaceConfirmation } from '../components/useReplaceConfirmation';
import { PathField } from '../components/PathField';

interface Props {
  projectName: string;
  /** Where exports go unless the user says otherwise (a folder of Pedlab's data folder or the project's). */
  initialFolder: string;
  onClose(): void;
}

/** The default destination of a format: a file or a folder named after the project, in the initial folder. */
function defaultPath(folder: string, projectName: string, format: ExportFormat): string {
  const base = `${folder}/${projectName.replace(/[^\w.-]+/g, '_') || 'project'}-${format}`;
  return format === 'coco' ? `${base}.json` : format === 'crowdhuman' ? `${base}.odgt` : base;
}

/** Writes the project's ground truth in any format the CLI writes; files Pedlab did not write are replaced only on a second press. */
export function ExportDialog({ projectName, initialFolder, onClose }: Props) {
  const [format, setFormat] = useState<ExportFormat>('coco');
  const [path, setPath] = useState(defaultPath(initialFolder, projectName, 'coco'));
  const [edited, setEdited] = useState(false);
  const { replacing, reset, attempt, submitLabel } = useReplaceConfirmation();
  const [report, setReport] = useState<ExportReport | null>(null);
  const info = exportFormatInfo(format);

  const chooseFormat = (next: ExportFormat) => {
    setFormat(next);
    if (!edited) setPath(defaultPath(initialFolder, projectName, next));
    reset();
    setReport(null);
  };
  const choosePath = (next: string) => {
    setPath(next);
    setEdited(true);
    reset();
  };
  const submit = async () => {
    const written = await attempt((overwrite) => api['project.export']({ format, path: path.trim(), overwrite }));
    if (written) setReport(written);
  };

  return (
    <FormDialog
      label="Export"
      title={`Export the ground truth of “${projectName}”`}
      submitLabel={submitLabel}
      busyLabel="Writing…"
      ready={path.trim() !== ''}
      onSubmit={submit}
      onCancel={onClose}
      cancelLabel={report ? 'Close' : 'Cancel'}
    >
      <label htmlFor="export-format">Format</label>
      <select id="export-format" value={format} onChange={(e) => chooseFormat(e.target.value as ExportFormat)}>
        {EXPORT_FORMATS.map((f) => (
          <option key={f.format} value={f.format}>
            {f.label}
          </option>
        ))}
      </select>
      <div className="muted">Writes {info.summary}.</div>
      <PathField
        id="export-path"
        label={info.target === 'file' ? 'File' : 'Folder'}
        purpose={info.target === 'file' ? 'export-file' : 'export-folder'}
        value={path}
        onChange={choosePath}
      />
      {replacing && (
        <div className="dialog-warning" role="alert" data-testid="export-replace">
          {replacing}
        </div>
      )}
      {report && (
        <div className="import-report" role="status" data-testid="export-report">
          <div>
            Wrote {report.annotations} annotations of {report.images} images to {report.path} ({report.files} {report.files === 1 ? 'file' : 'files'}).
          </div>
          {report.warnings.map((w) => (
            <div key={w} className="dialog-warning">
              {w}
            </div>
          ))}
        </div>
      )}
    </FormDialog>
  );
}
