import { memo, useDeferredValue, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Point } from '../../../core/geometry/box';
import type { ImageEntry } from '../../../core/ipc/types';
import { EditorStage, type SharedView, type ViewControls } from '../canvas/EditorStage';
import type { ViewFilter } from '../canvas/filters';
import { OUTCOME_COLOURS } from '../../../core/compare/palette';
import { groundTruthTags } from '../canvas/groundTruthTags';
import { FocusLayer } from '../canvas/layers/FocusLayer';
import { useElementSize } from '../canvas/useElementSize';
import { PredictionMaskLayer } from '../canvas/layers/PredictionMaskLayer';
import { OutcomeLayer } from '../canvas/layers/OutcomeLayer';
import type { CaseFocus } from './caseFocus';
import { CompareHint } from './CompareHint';
import type { Viewport } from '../canvas/viewport';
import type { EditorStore } from '../editor/editorStore';
import { useEditorState } from '../editor/useEditorState';
import type { LiveEvaluationView } from './evaluationStore';

interface Props {
  image: ImageEntry;
  store: EditorStore;
  /** The live evaluation: the panes' outcomes are the current image's in it. */
  live: LiveEvaluationView;
  names: [string, string];
  filter: ViewFilter;
  showMasks: boolean;
  controls: { current: ViewControls | null };
  onCursor(point: Point | null): void;
  onViewport(view: Viewport): void;
  /** The case pointed at on this image, ringed in both panes. */
  focus: CaseFocus | null;
  onModels(): void;
  /** Whether the models' masks are drawn. */
  showModelMasks: boolean;
  /** Per model, each false positive's TIDE error type. */
  errorTypes: [ReadonlyMap<number, string>, ReadonlyMap<number, string>] | null;
  /** With a kind of case chosen (a chip), the cases of that kind on this image: only their boxes are drawn. */
  kindCases: readonly CaseFocus[] | null;
}

const NO_ERRORS: ReadonlyMap<number, string> = new Map();
const NO_OVERLAY = (): ReactNode => null;

/** How two panes share an area for an image of this size: the arrangement whose panes fit it at the larger scale. */
export function paneLayout(width: number, height: number, imageWidth: number, imageHeight: number): 'side-by-side' | 'stacked' {
  const scale = (w: number, h: number) => Math.min(w / imageWidth, h / imageHeight);
  return scale(width, height / 2) > scale(width / 2, height) ? 'stacked' : 'side-by-side';
}

/**
 * Ground truth plus model A on the left, plus model B on the right, zoom and pan locked together. It reads the
 * ground truth and its categories from the store: the save state or the selection changing does not re-render it.
 */
export const CompareView = memo(function CompareView(props: Props) {
  const { image, store } = props;
  const annotations = useEditorState(store, (s) => s.annotations);
  const categories = useEditorState(store, (s) => s.categories);
  // The boxes' outcomes follow the numbers a frame later: a new answer shows its numbers first.
  const live = useDeferredValue(props.live);
  const { data, modelIds, view: evaluation } = live;
  const [view, setView] = useState<Viewport | null>(null);
  const gestureLayers = useRef(new Set<HTMLDivElement>());
  const shared = useMemo<SharedView>(() => ({ view, onChange: setView, gestureLayers: gestureLayers.current }), [view]);

  const panes = useMemo(() => {
    return modelIds.map((modelId, m) => {
      // The outcomes answered for this image (none while the worker has not answered for it yet).
      const outcomes = evaluation.current?.imageId === image.id ? evaluation.current.outcomes[m] : null;
      const predictions = (data.predictions[modelId] ?? []).filter((p) => p.imageId === image.id);
      const masks = outcomes
        ? predictions.flatMap((p) => {
            const mark = outcomes.predictions.get(p.id);
            return p.mask && mark ? [{ mask: p.mask, colour: OUTCOME_COLOURS[mark.outcome] }] : [];
          })
        : [];
      return { modelId, outcomes, predictions, masks, byMask: evaluation.iouType === 'segm' };
    });
  }, [modelIds, evaluation, data, image.id]);

  const only = useMemo(() => {
    if (!props.kindCases) return null;
    const gtIds = new Set(props.kindCases.flatMap((c) => c.gtIds));
    return [0, 1].map((m) => ({ gtIds, detectionIds: new Set(props.kindCases!.flatMap((c) => (m === 0 ? c.aDetectionIds : c.bDetectionIds))) }));
  }, [props.kindCases]);

  // Each pane's shapes over the picture, new only when what they draw changes: a pane whose outcomes, boxes and
  // choices are as they were is not drawn again.
  const { showModelMasks, errorTypes, focus } = props;
  const overlays = useMemo(
    () =>
      panes.map((pane, i) => {
        const o = pane.outcomes;
        if (!o) return NO_OVERLAY;
        return (scale: number): ReactNode => (
          <>
            {showModelMasks && <PredictionMaskLayer masks={pane.masks} width={image.width ?? 0} height={image.height ?? 0} />}
            <OutcomeLayer
              predictions={pane.predictions}
              groundTruth={annotations}
              outcomes={o}
              scale={scale}
              imageWidth={image.width ?? 0}
              gtTags={groundTruthTags(annotations, categories, scale, image.width ?? 0)}
              iouName={pane.byMask ? 'mask IoU' : 'IoU'}
              errorTypes={errorTypes?.[i] ?? NO_ERRORS}
              only={only?.[i] ?? null}
            />
            {focus && (
              <FocusLayer
                gtIds={focus.gtIds}
                detectionIds={i === 0 ? focus.aDetectionIds : focus.bDetectionIds}
                box={focus.box}
                groundTruth={annotations}
                predictions={pane.predictions}
                scale={scale}
              />
            )}
          </>
        );
      }),
    [panes, showModelMasks, image, annotations, categories, errorTypes, only, focus],
  );

  // Side by side or one above the other, whichever shows the image larger in each pane.
  const box = useRef<HTMLDivElement>(null);
  const area = useElementSize(box);
  const layout = paneLayout(area.width, area.height, image.width ?? 1, image.height ?? 1);

  return (
    <div className={`compare-panes ${layout}`} ref={box} data-layout={layout}>
      <CompareHint data={data} modelIds={modelIds} names={props.names} onModels={props.onModels} />
      {panes.map((pane, i) => {
        const o = pane.outcomes;
        const count = (k: 'tp' | 'fp') => (o ? [...o.predictions.values()].filter((m) => m.outcome === k).length : 0);
        return (
          <section key={pane.modelId} className="compare-pane" aria-label={`Model ${i === 0 ? 'A' : 'B'}`} data-testid={`pane-${i === 0 ? 'a' : 'b'}`}>
            <header className="pane-head">
              <strong>
                {i === 0 ? 'A' : 'B'} · {props.names[i]}
              </strong>
              <span className="pane-counts" data-testid="pane-counts">
                <span className="tp">TP {count('tp')}</span> <span className="fp">FP {count('fp')}</span> <span className="fn">FN {o ? o.missed.size : 0}</span>
              </span>
            </header>
            <EditorStage
              image={image}
              store={store}
              filter={props.filter}
              showMasks={props.showMasks}
              controls={props.controls}
              onCursor={props.onCursor}
              onViewport={props.onViewport}
              shared={shared}
              overlay={overlays[i]}
            />
          </section>
        );
      })}
    </div>
  );
});
