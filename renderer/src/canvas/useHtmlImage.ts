import { useEffect, useState } from 'react';

/** While the next image loads, the last one drawn (if any) stays available, so the canvas need not go blank. */
export type ImageState =
  { status: 'loading'; previous: HTMLImageElement | null } | { status: 'ready'; element: HTMLImageElement } | { status: 'error'; message: string };

/** Loads an image element for Konva; the state says when it is drawable. */
export function useHtmlImage(src: string | null): ImageState {
  const [state, setState] = useState<ImageState>({ status: 'loading', previous: null });
  useEffect(() => {
    if (!src) return;
    setState((s) => ({ status: 'loading', previous: s.status === 'ready' ? s.element : s.status === 'loading' ? s.previous : null }));
    const element = new window.Image();
    let live = true;
    element.onload = () => live && setState({ status: 'ready', element });
    element.onerror = () => live && setState({ status: 'error', message: 'The image could not be loaded.' });
    element.src = src;
    return () => {
      live = false;
      element.onload = null;
      element.onerror = null;
    };
  }, [src]);
  return state;
}
