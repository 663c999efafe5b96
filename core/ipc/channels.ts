/** Every IPC channel of the contract, by name. Kept free of imports so the sandboxed preload can bundle it alone. */
export const channels = [
  'app.info',
  'project.current',
  'project.openFolder',
  'dialog.pickPath',
  'project.import',
  'project.importCategories',
  'project.export',
  'project.recovery',
  'project.restore',
  'images.list',
  'annotations.list',
  'annotations.commit',
  'categories.list',
  'categories.create',
  'evaluation.data',
  'models.list',
  'models.add',
  'inference.start',
  'inference.cancel',
  'inference.status',
  'predictions.forImage',
  'report.export',
] as const;

export type Channel = (typeof channels)[number];
