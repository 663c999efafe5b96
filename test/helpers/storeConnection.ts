import type { Db } from '../../main/store/database.js';
import type { ProjectStore } from '../../main/store/projectStore.js';

/**
 * The store's own SQLite connection, which the app never reaches: for tests that look at every row or set a
 * connection's limits (a page cap that stands in for a full disk).
 */
export function storeConnection(store: ProjectStore): Db {
  return (store as unknown as { db: Db }).db;
}
