import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FolderListing } from '../../../core/ipc/types.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { listFolder, MAX_LISTED_ENTRIES, type FolderListingRequest } from '../../../main/project/folderListing.js';
import { Services } from '../../../main/services.js';
import { tempDir } from '../../helpers/tempDir.js';

const BUILT_LISTING = resolve('dist/main/project/folderListing.js');
/** A user who owns none of the test's files: root reads everything, so as root the permission checks run as them. */
const OTHER_UID = 65534;
const asRoot = process.getuid?.() === 0;

type Answer = { ok: true; value: FolderListing } | { ok: false; code: string; message: string };

/** Lists as a user who may not read what the test locks: in this process, or as root in a child run as that user. */
function listAsUser(request: FolderListingRequest): Answer | Promise<Answer> {
  if (!asRoot)
    return listFolder(request).then(
      (value) => ({ ok: true as const, value }),
      (err: { code: string; message: string }) => ({ ok: false as const, code: err.code, message: err.message }),
    );
  const script = `import { listFolder } from ${JSON.stringify(pathToFileURL(BUILT_LISTING).href)};
listFolder(JSON.parse(process.argv[1])).then((value) => console.log(JSON.stringify({ ok: true, value })), (e) => console.log(JSON.stringify({ ok: false, code: e.code, message: e.message })));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(request)], {
    uid: OTHER_UID,
    gid: OTHER_UID,
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`listing as uid ${OTHER_UID} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Answer;
}

describe('the web host lists folders for its folder browser', () => {
  const dir = tempDir();
  const root = join(dir.path, 'root');

  beforeAll(() => {
    chmodSync(dir.path, 0o755);
    mkdirSync(join(root, 'photos', 'sub'), { recursive: true });
    mkdirSync(join(root, 'Beta'));
    mkdirSync(join(root, 'alpha 10'));
    mkdirSync(join(root, 'alpha 9'));
    mkdirSync(join(root, '.cache'));
    mkdirSync(join(root, 'locked'));
    for (const name of ['gt.json', 'boxes.xml', 'classes.txt', 'crowd.odgt', 'model.onnx', 'photo.png', '.hidden.json', 'secret.json']) {
      writeFileSync(join(root, name), '{}');
    }
    chmodSync(join(root, 'secret.json'), 0o600);
    chmodSync(join(root, 'locked'), 0o700);
    symlinkSync(join(root, 'photos'), join(root, 'photos-link'));
    symlinkSync(join(root, 'gt.json'), join(root, 'linked.json'));
    symlinkSync(join(root, 'nowhere'), join(root, 'broken.json'));
    mkdirSync(join(root, 'many'));
    for (let i = 0; i < MAX_LISTED_ENTRIES + 7; i++) mkdirSync(join(root, 'many', `f${i}`));
  });
  afterAll(() => dir.remove());

  const names = (listing: FolderListing) => listing.entries.map((e) => `${e.kind === 'folder' ? 'd' : 'f'}:${e.name}`);

  it('lists folders first, then the files the purpose takes, by name; links as what they point to', async () => {
    const forImport = await listFolder({ path: root, purpose: 'import-file' });
    expect(forImport).toMatchObject({ path: root, parent: dir.path, more: 0 });
    // A link to a folder is a folder, a link to a file a file; a broken link is left out.
    const folders = ['d:alpha 9', 'd:alpha 10', 'd:Beta', 'd:locked', 'd:many', 'd:photos', 'd:photos-link'];
    expect(names(forImport)).toEqual([...folders, 'f:boxes.xml', 'f:classes.txt', 'f:crowd.odgt', 'f:gt.json', 'f:linked.json', 'f:secret.json']);
    expect(forImport.entries.find((e) => e.name === 'gt.json')!.path).toBe(join(root, 'gt.json'));
    expect(names(await listFolder({ path: root, purpose: 'model-file' }))).toEqual([...folders, 'f:model.onnx']);
    expect(names(await listFolder({ path: root, purpose: 'project-folder' }))).toEqual(folders);
  });

  it('shows the folder a link leads to by its own path', async () => {
    const listing = await listFolder({ path: join(root, 'photos-link'), purpose: 'project-folder' });
    expect(listing).toMatchObject({ path: join(root, 'photos'), parent: root, entries: [{ name: 'sub', kind: 'folder', path: join(root, 'photos', 'sub') }] });
  });

  it('hides names with a leading dot unless asked', async () => {
    const shown = names(await listFolder({ path: root, purpose: 'import-file', showHidden: true }));
    expect(shown).toContain('d:.cache');
    expect(shown).toContain('f:.hidden.json');
    expect(names(await listFolder({ path: root, purpose: 'import-file' }))).not.toContain('d:.cache');
  });

  it(`shows at most ${MAX_LISTED_ENTRIES} entries and counts the rest`, async () => {
    const listing = await listFolder({ path: join(root, 'many'), purpose: 'project-folder' });
    expect(listing.entries).toHaveLength(MAX_LISTED_ENTRIES);
    expect(listing.more).toBe(7);
    expect(listing.entries.slice(0, 3).map((e) => e.name)).toEqual(['f0', 'f1', 'f2']);
  });

  it('starts at home, or at the nearest folder at or above a typed path', async () => {
    expect((await listFolder({ purpose: 'project-folder' })).path).toBe(resolve(homedir()));
    expect((await listFolder({ path: join(root, 'photos', 'missing', 'deeper'), purpose: 'project-folder', nearest: true })).path).toBe(join(root, 'photos'));
    expect((await listFolder({ path: join(root, 'gt.json'), purpose: 'import-file', nearest: true })).path).toBe(root);
  });

  it('refuses a missing folder or a file with a clear message', async () => {
    await expect(listFolder({ path: join(root, 'missing'), purpose: 'project-folder' })).rejects.toMatchObject({
      code: 'folder-missing',
      message: `Folder not found: ${join(root, 'missing')}`,
    });
    await expect(listFolder({ path: join(root, 'gt.json'), purpose: 'import-file' })).rejects.toMatchObject({ code: 'not-a-folder' });
  });

  it('never lists what the user may not read: a locked folder is refused, locked entries are left out', async () => {
    if (asRoot && !existsSync(BUILT_LISTING)) throw new Error(`build first (npm run build): ${BUILT_LISTING} is missing`);
    const locked = await listAsUser({ path: join(root, 'locked'), purpose: 'project-folder' });
    expect(locked).toEqual({ ok: false, code: 'folder-unreadable', message: `You may not read the folder ${join(root, 'locked')} (permission denied).` });
    const listing = await listAsUser({ path: root, purpose: 'import-file' });
    expect(listing.ok && names(listing.value)).toEqual([
      'd:alpha 9',
      'd:alpha 10',
      'd:Beta',
      'd:many',
      'd:photos',
      'd:photos-link',
      'f:boxes.xml',
      'f:classes.txt',
      'f:crowd.odgt',
      'f:gt.json',
      'f:linked.json',
    ]);
  });

  it('is refused by the desktop host, which uses its own dialogs', async () => {
    const desktop = new Services({ host: 'electron', pickPath: async () => null });
    const answer = await dispatch(desktop.handlers, 'folders.list', { path: root, purpose: 'project-folder' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'native-dialogs', message: expect.stringContaining('its own dialogs') } });
    const web = new Services({ host: 'web' });
    expect(await dispatch(web.handlers, 'folders.list', { path: root, purpose: 'project-folder' })).toMatchObject({ ok: true, value: { path: root } });
  });
});
