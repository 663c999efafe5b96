/** Every IPC channel of the contract, by name. Kept free of imports so the sandboxed preload can bundle it alone. */
export const channels = [
  'app.info',
  'project.current',
  'project.openFolder',
  'project.pickFolder',
  'images.list',
  'annotations.list',
] as const;

export type Channel = (typeof channels)[number];
