import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnotationDraft } from '../../../core/ipc/types.js';
import { commitAnnotations } from '../../../main/project/annotationEdits.js';
import { ProjectService } from '../../../main/project/projectService.js';
import { makeImageFolder } from '../../helpers/imageFolder.js';
import { tempDir } from '../../helpers/tempDir.js';

describe('committing ground-truth edits', () => {
  const dir = tempDir();
  const projects = new ProjectService();
  let imageId: number;
  let otherImageId: number;
  let brokenId: number;
  let pedestrian: number;

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    const folder = await makeImageFolder(join(dir.path, 'images'));
    await projects.openFolder(folder.dir);
    const images = projects.imageEntries();
    imageId = images.find((i) => i.fileName === 'street_01.png')!.id;
    otherImageId = images.find((i) => i.fileName === 'street_02.jpg')!.id;
    brokenId = images.find((i) => i.fileName === 'empty.png')!.id;
    pedestrian = projects.store.categories.all()[0].id;
  });
  afterAll(() => {
    projects.close();
    dir.remove();
  });

  const box = (bbox: [number, number, number, number], extra: Partial<AnnotationDraft> = {}): AnnotationDraft => ({
    categoryId: pedestrian,
    bbox,
    area: bbox[2] * bbox[3],
    iscrowd: false,
    mask: null,
    ...extra,
  });

  it('creates, updates and deletes in one step and answers the created and updated annotations as stored', () => {
    const first = commitAnnotations(projects.store, { imageId, create: [box([10, 10, 20, 40]), box([50, 60, 30, 30])], update: [], delete: [] });
    expect(first.created).toHaveLength(2);
    expect(first.stored).toEqual(projects.store.annotations.forImage(imageId));
    const [a, b] = first.created;
    const second = commitAnnotations(projects.store, {
      imageId,
      create: [],
      update: [{ ...box([11, 12, 20, 40], { iscrowd: true }), id: a }],
      delete: [b],
    });
    expect(second.stored).toEqual([{ id: a, imageId, categoryId: pedestrian, bbox: [11, 12, 20, 40], area: 800, iscrowd: true, mask: null }]);
    expect(projects.store.annotations.forImage(imageId)).toEqual(second.stored);
  });

  it('restores a deleted annotation under its old id (undo)', () => {
    const { created } = commitAnnotations(projects.store, { imageId, create: [box([1, 2, 3, 4])], update: [], delete: [] });
    commitAnnotations(projects.store, { imageId, create: [], update: [], delete: created });
    const restored = commitAnnotations(projects.store, { imageId, create: [{ ...box([1, 2, 3, 4]), id: created[0] }], update: [], delete: [] });
    expect(restored.created).toEqual(created);
  });

  it('refuses an edit that touches another image, and applies none of it', () => {
    const before = projects.store.annotations.forImage(imageId);
    const { created } = commitAnnotations(projects.store, { imageId: otherImageId, create: [box([5, 5, 5, 5])], update: [], delete: [] });
    expect(() => commitAnnotations(projects.store, { imageId, create: [box([0, 0, 9, 9])], update: [], delete: created })).toThrow(
      `Edit not saved: annotation ${created[0]} does not belong to image ${imageId}`,
    );
    expect(projects.store.annotations.forImage(imageId)).toEqual(before);
    expect(projects.store.annotations.forImage(otherImageId)).toHaveLength(1);
  });

  it('refuses masks of the wrong size, unknown categories and unreadable images', () => {
    expect(() =>
      commitAnnotations(projects.store, { imageId, create: [box([0, 0, 2, 2], { mask: { size: [10, 10], counts: '0' } })], update: [], delete: [] }),
    ).toThrow('new annotation 1: mask size 10×10 (h×w) does not match street_01.png (480×640)');
    expect(() => commitAnnotations(projects.store, { imageId, create: [box([0, 0, 2, 2], { categoryId: 999 })], update: [], delete: [] })).toThrow(
      'new annotation 1: no category 999',
    );
    expect(() => commitAnnotations(projects.store, { imageId: brokenId, create: [box([0, 0, 2, 2])], update: [], delete: [] })).toThrow(
      /empty\.png cannot be annotated: empty file/,
    );
  });
});
