import { mapClasses } from '../../core/detect/classes.js';
import { DEFAULT_CATEGORY } from '../project/projectService.js';
import type { ExportData } from './exportData.js';

/** The project's pedestrian category (`pedestrian`, or a name that means the same, such as `person`), if it has one. */
export function pedestrianCategory(data: ExportData): ExportData['categories'][number] | undefined {
  const [pedestrian] = mapClasses(
    [DEFAULT_CATEGORY],
    data.categories.map((c) => c.name),
  );
  return data.categories.find((c) => c.name === pedestrian);
}
