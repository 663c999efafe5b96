import { DEFAULT_MODEL_SETTINGS } from '../../core/detect/types.js';
import type { EvaluationData } from '../../core/ipc/types.js';
import type { ReportInput, ReportModelInfo } from '../../core/report/reportModel.js';

/** An imported model as a report describes it; its file is named after its id. */
export const reportModel = (id: number, name: string): ReportModelInfo => ({
  id,
  name,
  variant: 'test',
  kind: 'imported',
  file: `/models/${id}.json`,
  sha256: 'ab'.repeat(32),
  provider: null,
  settings: DEFAULT_MODEL_SETTINGS,
});

/** A report of models 10 (A) and 20 (B) on `data`, at score 0.5 and IoU 0.5, from a project named `project`. */
export const reportInput = (project: string, data: EvaluationData, names: [string, string]): ReportInput => ({
  project: { name: project, folder: `/data/${project}` },
  appVersion: '0.1.0',
  createdAt: '2025-01-01T00:00:00.000Z',
  data,
  models: [reportModel(10, names[0]), reportModel(20, names[1])],
  scoreThresholds: [0.5, 0.5],
  iouThreshold: 0.5,
});
