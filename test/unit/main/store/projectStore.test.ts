import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../../main/store/projectStore.js';
import { checkFile, listSnapshots } from '../../../../main/store/snapshots.js';
import { tempDir } from '../../../helpers/tempDir.js';

const image = (name: string) => ({ path: `/data/${name}`, fileName: name, sha256: name, width: 4, height: 4, orientation: 1, error: null });

describe('ProjectStore', () => {
  let dir: ReturnType<typeof tempDir>;
  let store: ProjectStore;
  beforeEach(() => {
    dir = tempDir();
    store = ProjectStore.open(join(dir.path, 'p.pedlab'));
  });
  afterEach(() => {
    store.close();
    dir.remove();
  });

  it('keeps every write of a transaction, the repositories’ own transactions nested in it', () => {
    const ids = store.transaction(() => [store.images.upsert(image('a.png'), Buffer.from([1])), store.images.upsert(image('b.png'), null)]);
    expect(store.images.all().map((i) => i.id)).toEqual(ids);
  });

  it('keeps none of them when the transaction throws, and passes the error on', () => {
    const categoryId = store.categories.ensure('pedestrian');
    expect(() =>
      store.transaction(() => {
        const imageId = store.images.upsert(image('a.png'), Buffer.from([1]));
        store.annotations.insert({ imageId, categoryId, bbox: [0, 0, 1, 1], area: 1, iscrowd: false, mask: null });
        throw new Error('the source is malformed');
      }),
    ).toThrow('the source is malformed');
    expect(store.images.all()).toEqual([]);
    expect(store.categories.all()).toEqual([{ id: categoryId, name: 'pedestrian' }]);
  });

  it('says whether it is open', () => {
    expect(store.isOpen).toBe(true);
    store.close();
    expect(store.isOpen).toBe(false);
    store.close();
  });

  it('takes a sound snapshot beside the database', async () => {
    store.meta.set('name', 'street');
    const snapshot = await store.snapshot();
    expect(listSnapshots(store.path)).toEqual([snapshot]);
    expect(checkFile(snapshot.path)).toEqual([]);
    const copy = ProjectStore.open(snapshot.path, { readonly: true });
    expect(copy.meta.get('name')).toBe('street');
    copy.close();
  });
});
