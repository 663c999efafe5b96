import type { AnnotationChange, CommitResult } from '../../core/ipc/types.js';
import { PedlabError } from '../errors.js';
import type { ProjectStore } from '../store/projectStore.js';
import { storeFailure } from '../store/storeErrors.js';

/**
 * Checks an edit against the image it targets (known and readable, masks of the image's size, categories that
 * exist, ids on this image) and applies it in one transaction: all of it, or nothing.
 */
export function commitAnnotations(store: ProjectStore, change: AnnotationChange & { imageId: number }): CommitResult {
  const image = store.images.get(change.imageId);
  if (!image) throw new PedlabError('image-unknown', `No image ${change.imageId} in this project.`);
  if (image.error || image.width === null || image.height === null) {
    throw new PedlabError('image-unreadable', `${image.fileName} cannot be annotated: ${image.error}`);
  }
  const categories = new Set(store.categories.all().map((c) => c.id));
  [...change.create, ...change.update].forEach((draft, i) => {
    const which = draft.id ? `annotation ${draft.id}` : `new annotation ${i + 1}`;
    if (!categories.has(draft.categoryId)) throw new PedlabError('invalid-edit', `${which}: no category ${draft.categoryId}`);
    if (draft.mask && (draft.mask.size[0] !== image.height || draft.mask.size[1] !== image.width)) {
      throw new PedlabError(
        'invalid-edit',
        `${which}: mask size ${draft.mask.size.join('×')} (h×w) does not match ${image.fileName} (${image.height}×${image.width})`,
      );
    }
  });
  let created: number[];
  try {
    created = store.annotations.commit(change.imageId, change);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw storeFailure(err) ?? new PedlabError('invalid-edit', `Edit not saved: ${message}`);
  }
  return { created, stored: store.annotations.onImage(change.imageId, [...created, ...change.update.map((u) => u.id)]) };
}
