import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where Pedlab keeps its own files (project databases, app state). PEDLAB_DATA_DIR overrides it, which the tests
 * use to stay out of the user's home.
 */
export function dataDir(): string {
  if (process.env.PEDLAB_DATA_DIR) return process.env.PEDLAB_DATA_DIR;
  const home = homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Pedlab');
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Pedlab');
  return join(process.env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'pedlab');
}
