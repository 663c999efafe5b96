import type Konva from 'konva';
import { memo, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Layer, Transformer } from 'react-konva';
import { moveBoxInside, type Box } from '../../../../core/geometry/box';
import type { Annotation, Category } from '../../../../core/ipc/types';
import { annotationsWithIds, placeOf } from '../../editor/annotationIndex';
import { categoryColour, SELECTION_COLOUR } from '../colours';
import { GtBox, type BoxEvents } from './GtBox';
import { groundTruthTagText } from '../groundTruthTags';
import { placeTags } from '../labelPlacement';
import { useStableList } from '../useStableList';
import { boxLabelSize } from './BoxLabel';
import { LabelsShape, type LabelSpec } from './LabelsShape';
import { RestingBoxes } from './RestingBoxes';

interface Props {
  annotations: Annotation[];
  categories: Category[];
  selection: number[];
  scale: number;
  image: { width: number; height: number };
  /** Boxes can be picked, moved and resized (select tool); otherwise they ignore the pointer. */
  interactive: boolean;
  onPick(id: number, shift: boolean): void;
  /** New boxes for moved or resized annotations, in image pixels. */
  onBoxes(label: string, boxes: Map<number, Box>): void;
  /** The boxes being dragged or resized now, and where they are; null once released. */
  moving: MovingBoxes | null;
  onMoving(moving: MovingBoxes | null): void;
  /** Drawn under the selected boxes (the masks they carry while they move). */
  carried?: ReactNode;
  /** False while the image's photo is not drawn yet: boxes are not shown over another photo. */
  visible: boolean;
}

/** Boxes under a drag or a resize, where the pointer has them now; `node` is the box Konva itself moves. */
export interface MovingBoxes {
  node: number;
  boxes: ReadonlyMap<number, Box>;
}

const MIN_SIZE = 2;
/** A selected box smaller than this on screen (either side) gets small corner handles only, which leave it visible. */
const SMALL_ON_SCREEN = 40;
const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'];
const ALL_ANCHORS = [...CORNERS, 'top-center', 'middle-right', 'bottom-center', 'middle-left'];
/** Boxes shorter than this on screen get no label: it would hide the box and be unreadable anyway. */
const LABEL_MIN_BOX_HEIGHT = 24;

/** Tags for boxes, each where it overlaps no other tag of the same list (see placeTags). */
function tagsFor(list: Annotation[], names: ReadonlyMap<number, string>, scale: number, imageWidth: number): LabelSpec[] {
  const texts = list.map((a) => groundTruthTagText(a, names));
  const spots = placeTags(
    list.map((a, i) => ({ box: a.bbox, ...boxLabelSize(texts[i], scale) })),
    imageWidth,
  );
  return list.flatMap((a, i) => {
    const spot = spots[i];
    return spot ? [{ key: a.id, ...spot, text: texts[i], colour: categoryColour(a.categoryId) }] : [];
  });
}

/** Ground-truth boxes with their labels; the selection can be dragged, and a single selected box resized. */
export const AnnotationLayer = memo(function AnnotationLayer({
  annotations,
  categories,
  selection,
  scale,
  image,
  interactive,
  onPick,
  onBoxes,
  moving,
  onMoving,
  carried,
  visible,
}: Props) {
  const selected = new Set(selection);
  // One pass over the boxes: ten thousand of them are read once per edit, not once per question asked of them.
  const unselected: Annotation[] = [];
  const active: Annotation[] = [];
  for (const a of annotations) (selected.has(a.id) ? active : unselected).push(a);
  const small = active.some((a) => Math.min(a.bbox[2], a.bbox[3]) * scale < SMALL_ON_SCREEN);
  const names = useMemo(() => new Map(categories.map((c) => [c.id, c.name])), [categories]);
  const nodes = useRef(new Map<number, Konva.Rect>());
  const transformer = useRef<Konva.Transformer>(null);
  const single = selection.length === 1 && interactive ? selection[0] : null;

  useEffect(() => {
    const handles = transformer.current;
    const node = single === null ? undefined : nodes.current.get(single);
    const attached = handles?.nodes() ?? [];
    // A box already in the handles moves them itself (the transformer follows its node's changes): they are
    // attached again only to another node, which costs more than the edit of one box.
    if (!handles || (attached.length === (node ? 1 : 0) && attached[0] === node)) return;
    handles.nodes(node ? [node] : []);
    handles.getLayer()?.batchDraw();
  }, [single, annotations]);

  const startOf = (id: number) => annotations[placeOf(annotations, id)].bbox;

  /** Where a drag of box `id` (at the node's place now) takes the boxes it moves: the selection, or it alone. */
  const movedBy = (id: number, node: Konva.Rect): Map<number, Box> => {
    const [x0, y0] = startOf(id);
    const dx = node.x() - x0;
    const dy = node.y() - y0;
    const moved = selected.has(id) ? selected : new Set([id]);
    return new Map(annotationsWithIds(annotations, moved).map((a) => [a.id, moveBoxInside(a.bbox, dx, dy, image.width, image.height)]));
  };
  const transformed = (node: Konva.Rect): Box => [node.x(), node.y(), node.width() * node.scaleX(), node.height() * node.scaleY()];

  const onDragMove = (id: number, node: Konva.Rect) => {
    const start = startOf(id);
    const [x, y] = moveBoxInside(start, node.x() - start[0], node.y() - start[1], image.width, image.height);
    node.x(x);
    node.y(y);
    onMoving({ node: id, boxes: movedBy(id, node) });
  };

  const onDragEnd = (id: number, node: Konva.Rect) => {
    const [x0, y0] = startOf(id);
    if (node.x() !== x0 || node.y() !== y0) onBoxes('Move', movedBy(id, node));
    onMoving(null);
  };

  const onTransform = (id: number, node: Konva.Rect) => onMoving({ node: id, boxes: new Map([[id, transformed(node)]]) });

  const onTransformEnd = (id: number, node: Konva.Rect) => {
    const box = transformed(node);
    node.scaleX(1);
    node.scaleY(1);
    onBoxes('Resize', new Map([[id, box]]));
    onMoving(null);
  };

  // Handlers read the latest props through a ref, so the one events object never changes.
  const latest = useRef({ onDragMove, onDragEnd, onTransform, onTransformEnd, onPick });
  latest.current = { onDragMove, onDragEnd, onTransform, onTransformEnd, onPick };
  const events = useMemo<BoxEvents>(
    () => ({
      pick: (id, shift) => latest.current.onPick(id, shift),
      dragMove: (id, node) => latest.current.onDragMove(id, node),
      dragEnd: (id, node) => latest.current.onDragEnd(id, node),
      transform: (id, node) => latest.current.onTransform(id, node),
      transformEnd: (id, node) => latest.current.onTransformEnd(id, node),
      register: (id, node) => {
        if (node) nodes.current.set(id, node);
        else nodes.current.delete(id);
      },
    }),
    [],
  );

  // Unselected boxes sit on a layer of their own that an edit of the selection leaves untouched: it is kept
  // as the same array (and so not redrawn) while none of its annotations changed. They ignore the pointer: a
  // press on one reaches the select tool, which picks it.
  const resting = useStableList(unselected);
  // Resting boxes get a tag when they are tall enough on screen, selected boxes at any size, drawn over the rest.
  const restingLabels = useMemo(
    () =>
      tagsFor(
        resting.filter((a) => a.bbox[3] * scale >= LABEL_MIN_BOX_HEIGHT),
        names,
        scale,
        image.width,
      ),
    [resting, names, scale, image.width],
  );
  // While boxes are dragged or resized, their tags go with them, to where the pointer has them now.
  const activeLabels = tagsFor(
    moving ? active.map((a) => (moving.boxes.has(a.id) ? { ...a, bbox: moving.boxes.get(a.id)! } : a)) : active,
    names,
    scale,
    image.width,
  );
  const box = (a: Annotation) => {
    // Konva moves the box under the pointer itself; the others of the selection follow it here.
    const live = moving && moving.node !== a.id ? moving.boxes.get(a.id) : undefined;
    return (
      <GtBox
        key={a.id}
        annotation={a}
        scale={scale}
        interactive={interactive}
        dx={live ? live[0] - a.bbox[0] : 0}
        dy={live ? live[1] - a.bbox[1] : 0}
        events={events}
      />
    );
  };

  return (
    <>
      <Layer visible={visible} listening={false}>
        <RestingBoxes annotations={resting} scale={scale} />
        <LabelsShape labels={restingLabels} scale={scale} />
      </Layer>
      <Layer visible={visible}>
        {carried}
        {active.map(box)}
        <LabelsShape labels={activeLabels} scale={scale} />
        <Transformer
          ref={transformer}
          rotateEnabled={false}
          flipEnabled={false}
          keepRatio={false}
          ignoreStroke
          enabledAnchors={small ? CORNERS : ALL_ANCHORS}
          anchorSize={small ? 6 : 9}
          anchorStroke="#0b1320"
          anchorFill="#ffffff"
          borderStroke={SELECTION_COLOUR}
          borderDash={[4, 3]}
          boundBoxFunc={(oldBox, newBox) => {
            const stage = transformer.current?.getStage();
            if (!stage) return newBox;
            const s = stage.scaleX();
            const left = stage.x();
            const top = stage.y();
            const inside =
              newBox.x >= left - 0.5 &&
              newBox.y >= top - 0.5 &&
              newBox.x + newBox.width <= left + image.width * s + 0.5 &&
              newBox.y + newBox.height <= top + image.height * s + 0.5;
            return inside && newBox.width >= MIN_SIZE * s && newBox.height >= MIN_SIZE * s ? newBox : oldBox;
          }}
        />
      </Layer>
    </>
  );
});
