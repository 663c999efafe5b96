import { describe, expect, it } from 'vitest';
import { categoryMismatch } from '../../../../core/compare/categoryOverlap.js';
import type { EvaluationData } from '../../../../core/ipc/types.js';
import { buildReport } from '../../../../core/report/reportModel.js';
import { DEFAULT_MODEL_SETTINGS } from '../../../../core/detect/types.js';

const categories = [
  { id: 1, name: 'pedestrian' },
  { id: 2, name: 'person' },
];

describe('a model that shares no category with the ground truth', () => {
  it("is named, with both sides' categories, and nothing is said when one category meets", () => {
    expect(categoryMismatch([{ categoryId: 1 }], [{ categoryId: 2 }, { categoryId: 2 }], categories, 'B')).toBe(
      `B predicts only "person" and the ground truth labels only "pedestrian": they share no category, so none of its predictions can match and its numbers are zero. Map its classes onto the ground truth's categories when importing or running it.`,
    );
    expect(categoryMismatch([{ categoryId: 1 }], [{ categoryId: 2 }, { categoryId: 1 }], categories, 'B')).toBeNull();
    expect(categoryMismatch([], [{ categoryId: 2 }], categories, 'B')).toBeNull();
    expect(categoryMismatch([{ categoryId: 1 }], [], categories, 'B')).toBeNull();
  });

  it('gets a note in the report', () => {
    const data: EvaluationData = {
      images: [{ id: 1, fileName: 'a.png', width: 100, height: 100 }],
      categories,
      groundTruth: [{ id: 1, imageId: 1, categoryId: 1, bbox: [10, 10, 20, 40], area: 800, iscrowd: false, mask: null }],
      visibility: {},
      predictions: {
        5: [{ id: 1, imageId: 1, categoryId: 1, score: 0.9, bbox: [10, 10, 20, 40], mask: null }],
        6: [{ id: 2, imageId: 1, categoryId: 2, score: 0.9, bbox: [10, 10, 20, 40], mask: null }],
      },
    };
    const model = (id: number, name: string) => ({
      id,
      name,
      variant: 'test',
      kind: 'imported',
      file: `/m/${id}.json`,
      sha256: 'x',
      provider: null,
      settings: DEFAULT_MODEL_SETTINGS,
    });
    const report = buildReport({
      project: { name: 'p', folder: '/p' },
      appVersion: '0',
      createdAt: '2026-12-01T00:00:00Z',
      data,
      models: [model(5, 'A'), model(6, 'B')],
      scoreThresholds: [0.5, 0.5],
      iouThreshold: 0.5,
    });
    expect(report.notes).toContain(categoryMismatch(data.groundTruth, data.predictions[6], categories, 'B'));
    expect(report.notes.some((n) => n.startsWith('A '))).toBe(false);
  });
});
