import { memo } from 'react';
import { Shape } from 'react-konva';
import { LABEL_BACKGROUND } from '../colours';
import { boxLabelSize, FONT_SIZE, LABEL_FONT_FAMILY, PAD } from './BoxLabel';

/** A label and the top-left corner of its tag, in image pixels. */
export interface LabelSpec {
  key: number;
  x: number;
  y: number;
  text: string;
  colour: string;
}

/**
 * Many box labels drawn by one shape: one canvas pass instead of four Konva nodes per label, which is what keeps
 * a thousand labelled boxes cheap to redraw. Same look as BoxLabel, at a fixed screen size.
 */
export const LabelsShape = memo(function LabelsShape({ labels, scale }: { labels: LabelSpec[]; scale: number }) {
  return (
    <Shape
      name="labels"
      labelCount={labels.length}
      labels={labels}
      listening={false}
      perfectDrawEnabled={false}
      sceneFunc={(context) => {
        const ctx = context._context;
        const s = 1 / scale;
        ctx.font = `${FONT_SIZE * s}px ${LABEL_FONT_FAMILY}`;
        ctx.textBaseline = 'top';
        // Only the tags in view are drawn: at 1:1 most of a big image's thousands are off the canvas.
        const m = ctx.getTransform();
        const left = -m.e / m.a;
        const top = -m.f / m.d;
        const right = (ctx.canvas.width - m.e) / m.a;
        const bottom = (ctx.canvas.height - m.f) / m.d;
        for (const l of labels) {
          const { width, height } = boxLabelSize(l.text, scale);
          const { x, y } = l;
          if (x > right || y > bottom || x + width < left || y + height < top) continue;
          ctx.fillStyle = LABEL_BACKGROUND;
          ctx.fillRect(x, y, width, height);
          ctx.fillStyle = l.colour;
          ctx.fillRect(x, y, 3 * s, height);
          ctx.fillStyle = '#ffffff';
          ctx.fillText(l.text, x + (PAD + 3) * s, y + PAD * s);
        }
      }}
    />
  );
});
