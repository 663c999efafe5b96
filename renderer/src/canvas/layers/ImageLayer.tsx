import type Konva from 'konva';
import { memo, useEffect, useMemo, useRef } from 'react';
import { Image as KonvaImage } from 'react-konva';
import { filterChain, type ViewFilter } from '../filters';

interface Props {
  element: HTMLImageElement;
  width: number;
  height: number;
  filter: ViewFilter;
}

/**
 * The photo, with the view filter applied to what is drawn (Konva caches the filtered pixels once per change).
 * It is drawn in the stage's picture layer, which sets the smoothing.
 */
export const ImageLayer = memo(function ImageLayer({ element, width, height, filter }: Props) {
  const node = useRef<Konva.Image>(null);
  const { kind, brightness, contrast } = filter;
  // One chain per filter setting: a new array on every render would re-cache the image each time.
  const chain = useMemo(() => filterChain({ kind, brightness, contrast }), [kind, brightness, contrast]);

  useEffect(() => {
    const image = node.current;
    if (!image) return;
    if (chain.length === 0) {
      image.clearCache();
      image.filters([]);
    } else {
      image.cache({ pixelRatio: 1 });
      image.filters(chain as unknown as Konva.Filter[]);
    }
    image.getLayer()?.batchDraw();
  }, [chain, element]);

  return <KonvaImage ref={node} image={element} width={width} height={height} listening={false} data-filter={filter.kind} />;
});
