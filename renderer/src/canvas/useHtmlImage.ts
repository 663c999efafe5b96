import { useEffect, useState } from 'react';

export type ImageState = { status: 'loading' } | { status: 'ready'; element: HTMLImageElement } | { status: 'error'; message: string };

/** Loads an image element for Konva; the state says when it is drawable. */
export function useHtmlImage(src: string | null): ImageState {
  const [state, setState] = useState<ImageState>({ status: 'loading' });
  useEffect(() => {
    if (!src) return;
    setState({ status: 'loading' });
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
