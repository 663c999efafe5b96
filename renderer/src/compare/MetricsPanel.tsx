import { memo, useState } from 'react';
import { MODEL_COLOURS } from '../../../core/compare/palette';
import type { EditorStore } from '../editor/editorStore';
import { useEditorState } from '../editor/useEditorState';
import type { CaseFocus } from './caseFocus';
import { DifferencesPanel } from './DifferencesPanel';
import { ErrorsPanel } from './ErrorsPanel';
import { LabelCheckPanel } from './LabelCheckPanel';
import { NumbersPanel } from './NumbersPanel';
import type { ScoreThresholds } from './scoreThresholds';
import type { LiveEvaluationView } from './evaluationStore';
import type { FindingsState } from './useFindings';

interface Props {
  names: [string, string];
  live: LiveEvaluationView;
  /** The ground truth of the image in view, for its own numbers. */
  store: EditorStore;
  iouThr: number;
  scoreThrs: ScoreThresholds;
  iouType: 'bbox' | 'segm';
  segmAvailable: boolean;
  onIouType(type: 'bbox' | 'segm'): void;
  findings: FindingsState;
  focus: CaseFocus | null;
  onFocus(focus: CaseFocus | null): void;
  /** Sets one model's score threshold (an operating point's button). */
  onScore(model: 0 | 1, score: number): void;
  /** Adds a model's box to the ground truth of an image (undoable, as any edit). */
  onAcceptBox(imageId: number, categoryId: number, box: readonly [number, number, number, number]): void;
}

const TABS = [
  { tab: 'numbers', label: 'Numbers' },
  { tab: 'differences', label: 'A vs B' },
  { tab: 'errors', label: 'Errors' },
  { tab: 'labels', label: 'Labels' },
] as const;
type Tab = (typeof TABS)[number]['tab'];

/** The compare view's side panel: the 12 numbers, who finds whom and whether it is significant, why AP is lost, and likely label errors. */
export const MetricsPanel = memo(function MetricsPanel(props: Props) {
  const { names, iouType, segmAvailable, findings } = props;
  const [tab, setTab] = useState<Tab>('numbers');
  return (
    <aside className="metrics-panel" aria-label="Metrics">
      <div className="segmented" role="tablist" aria-label="What to show">
        {TABS.map(({ tab: t, label }) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} aria-pressed={tab === t} onClick={() => setTab(t)}>
            {label}
          </button>
        ))}
      </div>
      <div className="panel-head-row">
        <div className="model-names">
          <span style={{ color: MODEL_COLOURS[0] }}>A: {names[0]}</span>
          <span style={{ color: MODEL_COLOURS[1] }}>B: {names[1]}</span>
        </div>
        <div className="segmented">
          <button type="button" aria-pressed={iouType === 'bbox'} onClick={() => props.onIouType('bbox')}>
            bbox
          </button>
          <button
            type="button"
            aria-pressed={iouType === 'segm'}
            disabled={!segmAvailable}
            title={segmAvailable ? 'Mask IoU' : 'Needs masks on every ground truth and prediction'}
            onClick={() => props.onIouType('segm')}
          >
            segm
          </button>
        </div>
      </div>
      {tab === 'numbers' && <NumbersTab names={names} live={props.live} store={props.store} iouThr={props.iouThr} scoreThrs={props.scoreThrs} />}
      {tab === 'errors' && <ErrorsPanel names={names} state={findings} iouType={iouType} />}
      {tab === 'differences' && (
        <DifferencesPanel
          state={findings}
          data={props.live.data}
          iouThr={props.iouThr}
          scoreThrs={props.scoreThrs}
          focus={props.focus}
          onFocus={props.onFocus}
          onScore={props.onScore}
        />
      )}
      {tab === 'labels' && <LabelCheckPanel state={findings} data={props.live.data} focus={props.focus} onFocus={props.onFocus} onAccept={props.onAcceptBox} />}
    </aside>
  );
});

/** The numbers, for the project or the image in view: an edit of its ground truth re-renders this tab alone. */
function NumbersTab({ store, ...props }: Pick<Props, 'names' | 'live' | 'store' | 'iouThr' | 'scoreThrs'>) {
  const imageId = useEditorState(store, (s) => s.imageId);
  const annotations = useEditorState(store, (s) => s.annotations);
  return <NumbersPanel {...props} imageId={imageId} annotations={annotations} />;
}
