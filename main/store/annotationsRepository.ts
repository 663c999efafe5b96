import type { Annotation, AnnotationChange } from '../../core/ipc/types.js';
import type { Db } from './database.js';
import { Statements } from './statements.js';

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

/** A row with its image's size: the mask's size is the image's. */
function fromRow(r: Row): Annotation {
  return {
    id: r.id,
    imageId: r.image_id,
    categoryId: r.category_id,
    bbox: [r.x, r.y, r.w, r.h],
    area: r.area,
    iscrowd: r.iscrowd === 1,
    mask: r.mask_counts !== null && r.height !== null && r.width !== null ? { size: [r.height, r.width], counts: r.mask_counts } : null,
  };
}

/** An annotation with its free-form attributes (VOC's `difficult`, labelme's `group_id`, …). */
export type AnnotationWithAttributes = Annotation & { attributes: Record<string, unknown> };

export class AnnotationsRepository {
  private readonly statements: Statements;

  constructor(private readonly db: Db) {
    this.statements = new Statements(db);
  }

  forImage(imageId: number): Annotation[] {
    const rows = this.statements
      .prepare(
        `SELECT a.*, i.width, i.height FROM annotations a JOIN images i ON i.id = a.image_id
         WHERE a.image_id = ? ORDER BY a.id`,
      )
      .all(imageId) as Row[];
    return rows.map(fromRow);
  }

  /** These annotations of an image, in id order (ids not on the image are left out). */
  onImage(imageId: number, ids: readonly number[]): Annotation[] {
    if (ids.length === 0) return [];
    const rows = this.statements
      .prepare(
        `SELECT a.*, i.width, i.height FROM annotations a JOIN images i ON i.id = a.image_id
         WHERE a.image_id = ? AND a.id IN (SELECT value FROM json_each(?)) ORDER BY a.id`,
      )
      .all(imageId, JSON.stringify(ids)) as Row[];
    return rows.map(fromRow);
  }

  /** Of these annotation ids, those that are not the image's: looked up by id, as an image may hold thousands. */
  private notOnImage(imageId: number, ids: readonly number[]): number[] {
    if (ids.length === 0) return [];
    const owned = this.statements.prepare('SELECT id FROM annotations WHERE image_id = ? AND id IN (SELECT value FROM json_each(?))');
    const found = new Set((owned.all(imageId, JSON.stringify(ids)) as { id: number }[]).map((r) => r.id));
    return ids.filter((id) => !found.has(id));
  }

  /** Applies one edit of an image's ground truth in one transaction; returns the ids of created annotations. */
  commit(imageId: number, change: AnnotationChange): number[] {
    return this.db.transaction(() => {
      const [stray] = this.notOnImage(imageId, [...change.update.map((u) => u.id), ...change.delete]);
      if (stray !== undefined) throw new Error(`annotation ${stray} does not belong to image ${imageId}`);
      const remove = this.statements.prepare('DELETE FROM annotations WHERE id = ?');
      for (const target of change.delete) remove.run(target);
      const update = this.statements.prepare(
        `UPDATE annotations SET category_id = ?, x = ?, y = ?, w = ?, h = ?, area = ?, iscrowd = ?, mask_counts = ? WHERE id = ?`,
      );
      for (const a of change.update) {
        const [x, y, w, h] = a.bbox;
        update.run(a.categoryId, x, y, w, h, a.area, a.iscrowd ? 1 : 0, a.mask?.counts ?? null, a.id);
      }
      return change.create.map((a) => this.insert({ ...a, imageId }, a.id));
    })();
  }

  insert(a: NewAnnotation, id?: number): number {
    const [x, y, w, h] = a.bbox;
    const row = this.statements
      .prepare(
        `INSERT INTO annotations (id, image_id, category_id, x, y, w, h, area, iscrowd, mask_counts)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .get(id ?? null, a.imageId, a.categoryId, x, y, w, h, a.area, a.iscrowd ? 1 : 0, a.mask?.counts ?? null) as { id: number };
    return row.id;
  }

  /** Replaces an image's ground truth with the given annotations (an import); call inside the import's transaction. */
  replaceForImage(imageId: number, annotations: readonly Omit<AnnotationWithAttributes, 'id' | 'imageId'>[]): void {
    this.statements.prepare('DELETE FROM annotations WHERE image_id = ?').run(imageId);
    const insert = this.statements.prepare(
      `INSERT INTO annotations (image_id, category_id, x, y, w, h, area, iscrowd, mask_counts, attributes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const a of annotations) {
      insert.run(imageId, a.categoryId, ...a.bbox, a.area, a.iscrowd ? 1 : 0, a.mask?.counts ?? null, JSON.stringify(a.attributes));
    }
  }

  /** Every annotation of the project with its attributes, by image and then id (an export). */
  allWithAttributes(): AnnotationWithAttributes[] {
    const rows = this.statements
      .prepare(`SELECT a.*, i.width, i.height FROM annotations a JOIN images i ON i.id = a.image_id ORDER BY a.image_id, a.id`)
      .all() as (Row & { attributes: string })[];
    return rows.map((r) => ({ ...fromRow(r), attributes: JSON.parse(r.attributes) as Record<string, unknown> }));
  }
}
