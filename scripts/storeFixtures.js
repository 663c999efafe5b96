// Writes the databases the store's upgrade tests start from: test/fixtures/store/v<N>.pedlab, made by the app's
// own migrations 1..N with a few rows in every table of that schema, and newer.pedlab, a database from a schema
// version this Pedlab does not know. A committed fixture is never rewritten; when migration N+1 is added, run
//   node scripts/storeFixtures.js N
// and add the rows that schema N can hold to ROWS below. With no argument, every fixture missing is written.
import { mkdirSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const OUT = 'test/fixtures/store';
const CACHE = 'node_modules/.cache/pedlab-store-fixtures';
const NOW = '2026-01-01T00:00:00.000Z';

/** The store code of this checkout, compiled on the fly: its migrations run exactly as the app runs them. */
async function loadStore() {
  const outfile = join(CACHE, 'store.mjs');
  await build({
    stdin: {
      contents: `export { openDatabase } from './main/store/database.ts';
        export { migrations } from './main/store/migrations/index.ts';
        export { countsToString } from './core/masks/rleString.ts';`,
      resolveDir: process.cwd(),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  return import(join(process.cwd(), outfile));
}

/** Rows for the schema of each version, written with that version's columns only. */
const ROWS = {
  1(db, { countsToString }) {
    const mask = countsToString([10, 5, 33]);
    db.prepare("INSERT INTO project_meta (key, value) VALUES ('folder', '/data/street'), ('name', 'street')").run();
    const image = db.prepare(
      'INSERT INTO images (id, path, file_name, sha256, width, height, orientation, error, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    image.run(1, '/data/street/a.png', 'a.png', 'a'.repeat(64), 8, 6, 1, null, NOW);
    image.run(2, '/data/street/b.png', 'b.png', null, null, null, 1, 'not a PNG or JPEG file', NOW);
    db.prepare('INSERT INTO thumbnails (image_id, jpeg) VALUES (1, ?)').run(Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    db.prepare("INSERT INTO categories (id, name, supercategory) VALUES (1, 'pedestrian', 'person'), (2, 'cyclist', '')").run();
    const annotation = db.prepare(
      'INSERT INTO annotations (id, image_id, category_id, x, y, w, h, area, iscrowd, mask_counts, attributes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    annotation.run(1, 1, 1, 1, 2, 3, 4, 5, 0, mask, '{"difficult":true}');
    annotation.run(2, 1, 2, 0.5, 0.5, 2, 2, 4, 1, null, '{}');
    db.prepare(
      `INSERT INTO models (id, name, variant, path, sha256, kind, classes, settings, added_at)
       VALUES (1, 'Mask R-CNN', 'r50', '/models/maskrcnn.onnx', ?, 'maskrcnn', '["__background__","pedestrian"]', '{"scoreThreshold":0.5}', ?)`,
    ).run('m'.repeat(64), NOW);
    db.prepare("INSERT INTO prediction_runs (id, model_id, settings_key, provider, started_at, finished_at) VALUES (1, 1, 'k', 'CPU', ?, ?)").run(NOW, NOW);
    const prediction = db.prepare(
      `INSERT INTO predictions (id, model_sha256, image_sha256, settings_key, category_id, score, x, y, w, h, mask_counts, mask_height, mask_width)
       VALUES (?, ?, ?, 'k', 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    prediction.run(1, 'm'.repeat(64), 'a'.repeat(64), 0.9, 1, 2, 3, 4, mask, 6, 8);
    prediction.run(2, 'm'.repeat(64), 'a'.repeat(64), 0.3, 4, 1, 2, 2, null, null, null);
    db.prepare(`INSERT INTO eval_snapshots (id, created_at, label, iou_type, model_id, params, stats) VALUES (1, ?, 'first', 'bbox', 1, '{}', '[0.5]')`).run(
      NOW,
    );
  },
};

/** A small self-contained file: no WAL beside it, 1 KiB pages. */
function compact(db) {
  db.pragma('journal_mode = DELETE');
  db.pragma('page_size = 1024');
  db.exec('VACUUM');
}

function write(store, name, steps, fill, version) {
  const path = join(OUT, name);
  if (existsSync(path)) {
    console.log(`${path} exists; a committed fixture is never rewritten.`);
    return;
  }
  const db = store.openDatabase(path, { migrations: steps });
  try {
    db.transaction(() => fill(db, store))();
    if (version !== undefined) db.pragma(`user_version = ${version}`);
    compact(db);
  } finally {
    db.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(path + suffix, { force: true });
  console.log(`wrote ${path}`);
}

mkdirSync(OUT, { recursive: true });
const store = await loadStore();
const latest = Math.max(...store.migrations.map((m) => m.version));
const wanted = process.argv[2] ? [Number(process.argv[2])] : store.migrations.map((m) => m.version).filter((v) => v < latest);
for (const version of wanted) {
  if (!ROWS[version]) throw new Error(`no rows for schema version ${version}: add them to ROWS in scripts/storeFixtures.js`);
  write(
    store,
    `v${version}.pedlab`,
    store.migrations.filter((m) => m.version <= version),
    ROWS[version],
  );
}
if (!process.argv[2]) {
  const keep = (db) => db.prepare("INSERT INTO project_meta (key, value) VALUES ('name', 'from the future')").run();
  write(store, 'newer.pedlab', store.migrations, keep, 999);
}
