import { useEffect, useRef, useState } from 'react';
import { IMPORT_FORMATS, importFormatInfo, type ImportOptionName } from '../../../core/formats/importFormats';
import type { ImportFormat, ImportOptions, ImportReport, PathPurpose } from '../../../core/ipc/types';
import { api } from '../api/client';
import { FormDialog } from '../components/FormDialog';
import { PathField } from '../components/PathField';
import { CategoryMapTable, mapPairs, suggestedChoice, type CategoryChoice } from './CategoryMapTable';
import { ImportReportView } from './ImportReportView';

interface Props {
  projectName: string;
  /** The project's category names, which the source's are mapped onto. */
  categories: readonly string[];
  /** Called after a successful import, so that the app reloads what it changed. */
  onImported(report: ImportReport): Promise<void>;
  onClose(): void;
}

type Fields = Required<Pick<ImportOptions, 'imageRoot' | 'split' | 'subset' | 'classes' | 'gt' | 'modelName'>> & {
  boxes: 'tutorial' | 'coco';
  allowPartial: boolean;
};
const EMPTY: Fields = { imageRoot: '', split: '', subset: '', classes: '', gt: '', modelName: '', boxes: 'tutorial', allowPartial: false };
const SOURCE_PURPOSES: Record<'file' | 'folder' | 'file-or-folder', readonly PathPurpose[]> = {
  file: ['import-file'],
  folder: ['import-folder'],
  'file-or-folder': ['import-folder', 'import-file'],
};
/** How long typing pauses before the source is read for its categories. */
const READ_DELAY_MS = 350;

/** The request's options: those the format takes, as filled in. */
function requestOptions(fields: Fields, takes: readonly ImportOptionName[], map: string[]): ImportOptions {
  const text = (v: string) => (v.trim() === '' ? undefined : v.trim());
  const has = (o: ImportOptionName) => takes.includes(o);
  return {
    imageRoot: has('imageRoot') ? text(fields.imageRoot) : undefined,
    split: has('split') ? text(fields.split) : undefined,
    subset: has('split') && text(fields.split) ? text(fields.subset) : undefined,
    classes: has('classes') ? text(fields.classes) : undefined,
    gt: has('gt') ? text(fields.gt) : undefined,
    modelName: has('modelName') ? text(fields.modelName) : undefined,
    boxes: has('boxes') ? fields.boxes : undefined,
    allowPartial: has('allowPartial') && fields.allowPartial ? true : undefined,
    map: has('map') && map.length > 0 ? map : undefined,
  };
}

/** Imports ground truth or a model's predictions from any format the CLI reads, with the source's categories mapped onto the project's. */
export function ImportDialog({ projectName, categories, onImported, onClose }: Props) {
  const [format, setFormat] = useState<ImportFormat>('coco');
  const [path, setPath] = useState('');
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [sourceNames, setSourceNames] = useState<string[] | null>(null);
  const [readProblem, setReadProblem] = useState<string | null>(null);
  const [choice, setChoice] = useState<CategoryChoice>({});
  const [report, setReport] = useState<ImportReport | null>(null);
  const info = importFormatInfo(format);
  const set =
    <K extends keyof Fields>(key: K) =>
    (value: Fields[K]) =>
      setFields((f) => ({ ...f, [key]: value }));
  const needsGt = info.options.includes('gt');
  const sourceReady = path.trim() !== '' && (!needsGt || fields.gt.trim() !== '');

  // The project's categories when the source's were read: an import that adds some does not read the source again.
  const projectCategories = useRef(categories);
  projectCategories.current = categories;
  // The source's categories, read again whenever what decides them changes.
  const classesPath = info.options.includes('classes') ? fields.classes : '';
  const gtPath = needsGt ? fields.gt : '';
  useEffect(() => {
    setSourceNames(null);
    setReadProblem(null);
    if (!sourceReady || !info.options.includes('map')) return;
    let live = true;
    const timer = setTimeout(() => {
      const options = requestOptions({ ...EMPTY, classes: classesPath, gt: gtPath }, info.options, []);
      api['project.importCategories']({ format, path: path.trim(), options }).then(
        ({ categories: names }) => {
          if (!live) return;
          setSourceNames(names);
          setChoice(suggestedChoice(names, projectCategories.current));
        },
        (err: unknown) => live && setReadProblem(err instanceof Error ? err.message : String(err)),
      );
    }, READ_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [format, path, classesPath, gtPath, sourceReady, info.options]);

  const submit = async () => {
    const options = requestOptions(fields, info.options, mapPairs(choice));
    const done = await api['project.import']({ format, path: path.trim(), options });
    setReport(done);
    await onImported(done);
  };

  const chooseFormat = (next: ImportFormat) => {
    setFormat(next);
    setReport(null);
  };
  const takes = (o: ImportOptionName) => info.options.includes(o);
  const kinds = [
    { kind: 'ground-truth', label: 'Ground truth' },
    { kind: 'predictions', label: "A model's predictions" },
  ] as const;

  return (
    <FormDialog
      label="Import"
      title={`Import into “${projectName}”`}
      submitLabel={report ? 'Import again' : 'Import'}
      busyLabel="Importing…"
      ready={sourceReady && (!takes('split') || (fields.split.trim() === '') === (fields.subset.trim() === ''))}
      onSubmit={submit}
      onCancel={onClose}
      cancelLabel={report ? 'Close' : 'Cancel'}
    >
      <label htmlFor="import-format">Format</label>
      <select id="import-format" value={format} onChange={(e) => chooseFormat(e.target.value as ImportFormat)}>
        {kinds.map(({ kind, label }) => (
          <optgroup key={kind} label={label}>
            {IMPORT_FORMATS.filter((f) => f.kind === kind).map((f) => (
              <option key={f.format} value={f.format}>
                {f.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <div className="muted">Source: {info.summary}.</div>
      <PathField id="import-path" label="Source" purpose={SOURCE_PURPOSES[info.source]} autoFocus value={path} onChange={setPath} />
      {takes('gt') && (
        <PathField id="import-gt" label="Ground truth the results refer to (COCO JSON)" purpose="import-file" value={fields.gt} onChange={set('gt')} />
      )}
      {takes('classes') && (
        <PathField
          id="import-classes"
          label="Class names file (default: classes.txt beside the labels)"
          purpose="import-file"
          value={fields.classes}
          onChange={set('classes')}
        />
      )}
      {takes('imageRoot') && (
        <PathField
          id="import-image-root"
          label="Image folder (default: the project folder)"
          purpose="import-folder"
          value={fields.imageRoot}
          onChange={set('imageRoot')}
        />
      )}
      {takes('boxes') && (
        <div className="tool-group" role="radiogroup" aria-label="Boxes">
          Boxes as
          {(['tutorial', 'coco'] as const).map((b) => (
            <label key={b} className="tool-group">
              <input type="radio" name="import-boxes" checked={fields.boxes === b} onChange={() => set('boxes')(b)} />
              {b === 'tutorial' ? "torchvision's tutorial" : 'COCO'}
            </label>
          ))}
        </div>
      )}
      {takes('modelName') && (
        <>
          <label htmlFor="import-model-name">Model name (default: the file's name)</label>
          <input id="import-model-name" value={fields.modelName} onChange={(e) => set('modelName')(e.target.value)} />
        </>
      )}
      {takes('allowPartial') && (
        <label className="tool-group">
          <input type="checkbox" checked={fields.allowPartial} onChange={(e) => set('allowPartial')(e.target.checked)} />
          Store the detections that match even when most are left out
        </label>
      )}
      {takes('split') && (
        <>
          <PathField
            id="import-split"
            label="Split file (optional: import only the images one of its lists names)"
            purpose="import-file"
            value={fields.split}
            onChange={set('split')}
          />
          {fields.split.trim() !== '' && (
            <>
              <label htmlFor="import-subset">List to import</label>
              <input id="import-subset" value={fields.subset} placeholder="test" onChange={(e) => set('subset')(e.target.value)} />
            </>
          )}
        </>
      )}
      {takes('map') && sourceReady && (
        <div className="category-section">
          <div className="section-title">Categories</div>
          {sourceNames ? (
            sourceNames.length > 0 ? (
              <CategoryMapTable sourceNames={sourceNames} projectNames={categories} choice={choice} kind={info.kind} onChange={setChoice} />
            ) : (
              <div className="muted">The source names no categories.</div>
            )
          ) : (
            <div className="muted" data-testid="import-categories-state">
              {readProblem ?? 'Reading the source’s categories…'}
            </div>
          )}
        </div>
      )}
      {report && <ImportReportView report={report} />}
    </FormDialog>
  );
}
