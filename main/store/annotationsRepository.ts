import type { Annotation } from '../../core/ipc/types.js';
import type { Db } from './database.js';

interface Row {
  id: number;
  image_id: number;
  category_id: number;
  x: number;
  y: number;
  w: number;
  h: number;
  area: number;
  iscrowd: number;
  mask_counts: string | null;
  width: number | null;
  height: number | null;
}

export type NewAnnotation = Omit<Annotation, 'id'>;

export class AnnotationsRepository {
  constructor(private readonly db: Db) {}

  forImage(imageId: number): Annotation[] {
    const rows = this.db
      .prepare(
        `SELECT a.*, i.width, i.height FROM annotations a JOIN images i ON i.id = a.image_id
         WHERE a.image_id = ? ORDER BY a.id`,
      )
      .all(imageId) as Row[];
    return rows.map((r) => ({
      id: r.id,
      imageId: r.image_id,
      categoryId: r.category_id,
      bbox: [r.x, r.y, r.w, r.h],
      area: r.area,
      iscrowd: r.iscrowd === 1,
      mask: r.mask_counts !== null && r.height !== null && r.width !== null ? { size: [r.height, r.width], counts: r.mask_counts } : null,
    }));
  }

  insert(a: NewAnnotation): number {
    const [x, y, w, h] = a.bbox;
    const row = this.db
      .prepare(
        `INSERT INTO annotations (image_id, category_id, x, y, w, h, area, iscrowd, mask_counts)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(a.imageId, a.categoryId, x, y, w, h, a.area, a.iscrowd ? 1 : 0, a.mask?.counts ?? null) as { id: number };
    return row.id;
  }
}
