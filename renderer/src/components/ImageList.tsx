import { useEffect, useRef } from 'react';
import type { ImageEntry } from '../../../core/ipc/types';
import { thumbnailUrl } from '../api/client';
import type { OutcomeCounts } from '../compare/imageOrder';
import { boxCount } from './boxCount';

interface Props {
  images: ImageEntry[];
  selectedId: number | null;
  onSelect(id: number): void;
  /** In the compare view: the value each image is sorted by, and each model's TP / FP / FN on it at the sliders. */
  sortLabels?: Map<number, string> | null;
  outcomeCounts?: Map<number, OutcomeCounts[]> | null;
}

/** The project's images with thumbnails; unreadable files stay listed with the reason. */
export function ImageList({ images, selectedId, onSelect, sortLabels, outcomeCounts }: Props) {
  const selectedRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    selectedRef.current?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  return (
    <nav className="image-list" aria-label="Images">
      <div className="panel-title">
        Images <span className="muted">{images.length}</span>
      </div>
      <ul role="listbox" aria-label="Project images">
        {images.map((image) => (
          <li
            key={image.id}
            ref={image.id === selectedId ? selectedRef : undefined}
            role="option"
            aria-selected={image.id === selectedId}
            data-testid="image-item"
            data-file-name={image.fileName}
            className={`image-item${image.id === selectedId ? ' selected' : ''}${image.error ? ' broken' : ''}`}
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
      </ul>
    </nav>
  );
}
