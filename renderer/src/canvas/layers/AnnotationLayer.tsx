import type Konva from 'konva';
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Layer, Transformer } from 'react-konva';
import type { Box } from '../../../../core/geometry/box';
import type { Annotation, Category } from '../../../../core/ipc/types';
import { categoryColour, SELECTION_COLOUR } from '../colours';
import { GtBox, type BoxEvents } from './GtBox';
import { groundTruthTagText } from '../groundTruthTags';
import { placeTags } from '../labelPlacement';
import { useStableList } from '../useStableList';
import { boxLabelSize } from './BoxLabel';
import { LabelsShape, type LabelSpec } from './LabelsShape';

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
  /** False while the image's photo is not drawn yet: boxes are not shown over another photo. */
  visible: boolean;
}

const MIN_SIZE = 2;
/** A selected box smaller than this on screen (either side) gets small corner handles only, which leave it visible. */
const SMALL_ON_SCREEN = 40;
const CORNERS = ['top-left', 'top-right', 'bottom-left', 'bottom-right'];
const ALL_ANCHORS = [...CORNERS, 'top-center', 'middle-right', 'bottom-center', 'middle-left'];
/** Boxes shorter than this on screen get no label: it would hide the box and be unreadable anyway. */
const LABEL_MIN_BOX_HEIGHT = 24;

/** Ground-truth boxes with their labels; the selection can be dragged, and a single selected box resized. */
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

export const AnnotationLayer = memo(function AnnotationLayer({
  annotations,
  categories,
  selection,
  scale,
  image,
  interactive,
  onPick,
  onBoxes,
  visible,
}: Props) {
  const selected = new Set(selection);
  const small = annotations.some((a) => selected.has(a.id) && Math.min(a.bbox[2], a.bbox[3]) * scale < SMALL_ON_SCREEN);
  const names = useMemo(() => new Map(categories.map((c) => [c.id, c.name])), [categories]);
  const nodes = useRef(new Map<number, Konva.Rect>());
  const transformer = useRef<Konva.Transformer>(null);
  const [dragOffset, setDragOffset] = useState<{ id: number; dx: number; dy: number } | null>(null);
  const single = selection.length === 1 && interactive ? selection[0] : null;

  useEffect(() => {
    const node = single === null ? undefined : nodes.current.get(single);
    transformer.current?.nodes(node ? [node] : []);
    transformer.current?.getLayer()?.batchDraw();
  }, [single, annotations]);

  const startOf = (id: number) => annotations.find((a) => a.id === id)!.bbox;

  const onDragMove = (id: number, node: Konva.Rect) => {
    const [, , w, h] = startOf(id);
    node.x(Math.min(Math.max(node.x(), 0), Math.max(0, image.width - w)));
    node.y(Math.min(Math.max(node.y(), 0), Math.max(0, image.height - h)));
    const [x0, y0] = startOf(id);
    if (selection.length > 1) setDragOffset({ id, dx: node.x() - x0, dy: node.y() - y0 });
  };

  const onDragEnd = (id: number, node: Konva.Rect) => {
    const [x0, y0] = startOf(id);
    const dx = node.x() - x0;
    const dy = node.y() - y0;
    setDragOffset(null);
    if (dx === 0 && dy === 0) return;
    const moving = selected.has(id) ? selection : [id];
    const boxes = new Map<number, Box>();
    for (const a of annotations) {
      if (!moving.includes(a.id)) continue;
      const [x, y, w, h] = a.bbox;
      boxes.set(a.id, [Math.min(Math.max(x + dx, 0), image.width - w), Math.min(Math.max(y + dy, 0), image.height - h), w, h]);
    }
    onBoxes('Move', boxes);
  };

  const onTransformEnd = (id: number, node: Konva.Rect) => {
    const box: Box = [node.x(), node.y(), node.width() * node.scaleX(), node.height() * node.scaleY()];
    node.scaleX(1);
    node.scaleY(1);
    onBoxes('Resize', new Map([[id, box]]));
  };

  // Handlers read the latest props through a ref, so the one events object never changes.
  const latest = useRef({ onDragMove, onDragEnd, onTransformEnd, onPick });
  latest.current = { onDragMove, onDragEnd, onTransformEnd, onPick };
  const events = useMemo<BoxEvents>(
    () => ({
      pick: (id, shift) => latest.current.onPick(id, shift),
      dragMove: (id, node) => latest.current.onDragMove(id, node),
      dragEnd: (id, node) => latest.current.onDragEnd(id, node),
      transformEnd: (id, node) => latest.current.onTransformEnd(id, node),
      register: (id, node) => {
        if (node) nodes.current.set(id, node);
        else nodes.current.delete(id);
      },
    }),
    [],
  );

  // Unselected boxes sit on a layer of their own that an edit of the selection leaves untouched: it is kept
  // as the same array (and so not redrawn) while none of its annotations changed.
  const resting = useStableList(annotations.filter((a) => !selected.has(a.id)));
  const active = annotations.filter((a) => selected.has(a.id));
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
  const activeLabels = tagsFor(active, names, scale, image.width);
  const box = (a: Annotation, isSelected: boolean) => {
    const offset = dragOffset && dragOffset.id !== a.id && isSelected ? dragOffset : null;
    return (
      <GtBox
        key={a.id}
        annotation={a}
        selected={isSelected}
        scale={scale}
        interactive={interactive}
        dx={offset?.dx ?? 0}
        dy={offset?.dy ?? 0}
        events={events}
      />
    );
  };

  // The same elements while nothing resting changed: React skips the thousand boxes without comparing each.
  const restingBoxes = useMemo(
    () => resting.map((a) => <GtBox key={a.id} annotation={a} selected={false} scale={scale} interactive={interactive} dx={0} dy={0} events={events} />),
    [resting, scale, interactive, events],
  );

  return (
    <>
      <Layer visible={visible}>
        {restingBoxes}
        <LabelsShape labels={restingLabels} scale={scale} />
      </Layer>
      <Layer visible={visible}>
        {active.map((a) => box(a, true))}
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
