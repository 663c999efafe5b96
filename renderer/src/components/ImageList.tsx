import { useLayoutEffect, useRef, useState } from 'react';
import type { ImageEntry } from '../../../core/ipc/types';
import { thumbnailUrl } from '../api/client';
import type { OutcomeCounts } from '../compare/imageOrder';
import { boxCount } from './boxCount';
import { IMAGE_ROW_HEIGHT, scrollToShow, visibleRows } from './visibleRows';

/** The list's own padding above its rows (`.image-list ul`). */
const LIST_PADDING = 4;

interface Props {
  images: ImageEntry[];
  selectedId: number | null;
  onSelect(id: number): void;
  /** In the compare view: the value each image is sorted by, and each model's TP / FP / FN on it at the sliders. */
  sortLabels?: Map<number, string> | null;
  outcomeCounts?: ReadonlyMap<number, OutcomeCounts[]> | null;
}

/**
 * The project's images with thumbnails; unreadable files stay listed with the reason. Rows have one height, and
 * only those in view (and a few either side) are rendered, so that a project of 10,000 images opens as fast as
 * one of ten.
 */
export function ImageList({ images, selectedId, onSelect, sortLabels, outcomeCounts }: Props) {
  const rowHeight = outcomeCounts ? IMAGE_ROW_HEIGHT.compared : IMAGE_ROW_HEIGHT.plain;
  const listRef = useRef<HTMLUListElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 0 });
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const update = () => setScroll({ top: list.scrollTop, height: list.clientHeight });
    update();
    const observer = new ResizeObserver(update);
    observer.observe(list);
    list.addEventListener('scroll', update, { passive: true });
    return () => {
      observer.disconnect();
      list.removeEventListener('scroll', update);
    };
  }, []);
  // The current image scrolled into view when it changes (or the list's order does).
  const selectedIndex = images.findIndex((i) => i.id === selectedId);
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list || selectedIndex < 0) return;
    const top = scrollToShow(selectedIndex, rowHeight, LIST_PADDING, list.scrollTop, list.clientHeight);
    if (top !== list.scrollTop) list.scrollTop = top;
  }, [selectedIndex, rowHeight]);
  const [start, end] = visibleRows(images.length, rowHeight, LIST_PADDING, scroll.top, scroll.height);

  return (
    <nav className="image-list" aria-label="Images">
      <div className="panel-title">
        Images <span className="muted">{images.length}</span>
      </div>
      <ul ref={listRef} role="listbox" aria-label="Project images">
        {/* The rows not rendered keep their place: a spacer above and below (not padding, which the list could not shrink below). */}
        <li role="none" style={{ height: start * rowHeight }} />
        {images.slice(start, end).map((image, k) => (
          <li
            key={image.id}
            role="option"
            aria-selected={image.id === selectedId}
            aria-setsize={images.length}
            aria-posinset={start + k + 1}
            data-testid="image-item"
            data-file-name={image.fileName}
            className={`image-item${image.id === selectedId ? ' selected' : ''}${image.error ? ' broken' : ''}`}
            style={{ height: rowHeight }}
            onClick={() => onSelect(image.id)}
          >
            {image.error ? (
              <div className="thumb thumb-broken" aria-hidden="true">
                !
              </div>
            ) : (
              <img className="thumb" src={thumbnailUrl(image)} alt="" loading="lazy" decoding="async" />
            )}
            <div className="image-meta">
              <div className="file-name" title={image.folder ? `${image.folder}/${image.fileName}` : image.fileName}>
                {image.folder && <span className="image-folder">{image.folder}/</span>}
                <span className="image-file">{image.fileName}</span>
              </div>
              {image.error ? (
                <div className="image-error" data-testid="image-error">
                  {image.error}
                </div>
              ) : (
                <div className="muted">
                  <span className="keep-together">
                    {image.width}×{image.height}
                  </span>{' '}
                  · <span className="keep-together">{boxCount(image.annotationCount)}</span>
                </div>
              )}
              {outcomeCounts?.get(image.id) && (
                <div className="image-outcomes" data-testid="image-outcomes">
                  {outcomeCounts.get(image.id)!.map((c, m) => (
                    <span key={m} className="keep-together" title={`${m === 0 ? 'A' : 'B'}: ${c.tp} true positives, ${c.fp} false positives, ${c.fn} missed`}>
                      {m === 0 ? 'A' : 'B'} <span className="tp">{c.tp}</span>·<span className="fp">{c.fp}</span>·<span className="fn">{c.fn}</span>
                    </span>
                  ))}
                  {sortLabels?.get(image.id) && (
                    <span className="sort-value" data-testid="sort-value">
                      {sortLabels.get(image.id)}
                    </span>
                  )}
                </div>
              )}
            </div>
          </li>
        ))}
        <li role="none" style={{ height: (images.length - end) * rowHeight }} />
      </ul>
    </nav>
  );
}
