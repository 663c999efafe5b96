import { closeSync, fstatSync, openSync, writeSync } from 'node:fs';

/** Scribbles over the middle of every page after the first, as a bad sector or a torn copy would; the header survives. */
export function damagePages(path: string, pageSize = 4096): void {
  const fd = openSync(path, 'r+');
  try {
    const pages = Math.floor(fstatSync(fd).size / pageSize);
    for (let page = 1; page < pages; page++) writeSync(fd, Buffer.alloc(512, 0xa5), 0, 512, page * pageSize + 8);
  } finally {
    closeSync(fd);
  }
}

/** Overwrites the file's header: SQLite no longer recognises it as a database. */
export function damageHeader(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    writeSync(fd, Buffer.from('this is not an SQLite header, not at all'), 0, 40, 0);
  } finally {
    closeSync(fd);
  }
}
