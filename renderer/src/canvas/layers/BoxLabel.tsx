import { memo } from 'react';
import { Group, Rect, Text } from 'react-konva';
import { LABEL_BACKGROUND } from '../colours';

interface Props {
  x: number;
  y: number;
  text: string;
  colour: string;
  /** The stage scale: labels keep the same size on screen at every zoom. */
  scale: number;
  /** Draw below the anchor instead of above (used when the box touches the top edge). */
  below?: boolean;
  /** The image's right edge: a label that would run past it is shifted left to end there. */
  maxX?: number;
}

export const FONT_SIZE = 12;
export const PAD = 3;
export const LABEL_FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

const widths = new Map<string, number>();
let measurer: CanvasRenderingContext2D | null = null;

/** A label text's width on screen, measured once per text. */
function textWidth(text: string): number {
  let width = widths.get(text);
  if (width === undefined) {
    measurer ??= document.createElement('canvas').getContext('2d')!;
    measurer.font = `${FONT_SIZE}px ${LABEL_FONT_FAMILY}`;
    width = Math.ceil(measurer.measureText(text).width);
    widths.set(text, width);
  }
  return width;
}

/** A label's size in image pixels at a stage scale. */
export function boxLabelSize(text: string, scale: number): { width: number; height: number } {
  return { width: (textWidth(text) + 2 * PAD + 3) / scale, height: (FONT_SIZE + 2 * PAD) / scale };
}

/** A small tag with a coloured edge, fixed in screen size, anchored to a box corner in image pixels. */
export const BoxLabel = memo(function BoxLabel({ x, y, text, colour, scale, below = false, maxX }: Props) {
  const s = 1 / scale;
  const { width, height } = boxLabelSize(text, scale);
  const left = maxX !== undefined && x + width > maxX ? Math.max(0, maxX - width) : x;
  return (
    <Group x={left} y={below ? y : y - height} listening={false}>
      <Rect width={width} height={height} fill={LABEL_BACKGROUND} perfectDrawEnabled={false} />
      <Rect width={3 * s} height={height} fill={colour} perfectDrawEnabled={false} />
      <Text x={(PAD + 3) * s} y={PAD * s} text={text} fontSize={FONT_SIZE * s} fontFamily={LABEL_FONT_FAMILY} fill="#ffffff" perfectDrawEnabled={false} />
    </Group>
  );
});
