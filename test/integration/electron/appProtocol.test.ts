import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerProtocol, isAppUrl } from '../../../main/electron/appProtocol.js';
import { Services } from '../../../main/services.js';
import { makeImageFolder } from '../../helpers/imageFolder.js';
import { storeFingerprint } from '../../helpers/storeFingerprint.js';
import { tempDir } from '../../helpers/tempDir.js';

describe('the pedlab:// protocol of the Electron host', () => {
  const dir = tempDir();
  let services: Services;
  let renderer: string;
  const get = (url: string, method = 'GET') => answerProtocol(url, method, services, renderer);
  const text = (body: Uint8Array) => Buffer.from(body).toString('utf8');

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    const folder = await makeImageFolder(join(dir.path, 'images'));
    renderer = join(dir.path, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Pedlab</title>');
    writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir.path, 'secret.txt'), 'secret');
    services = new Services({ host: 'electron' });
    await services.openFolder(folder.dir);
  });
  afterAll(async () => {
    await services.close();
    dir.remove();
  });

  it('serves the renderer with its CSP', async () => {
    const page = await get('pedlab://app/index.html');
    expect(page.status).toBe(200);
    expect(text(page.body)).toContain('<title>Pedlab</title>');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await get('pedlab://app/assets/app.js')).headers['content-type']).toMatch(/javascript/);
  });

  it('refuses paths outside the renderer, directories, ids the store does not know, other hosts and methods; nothing changes', async () => {
    const before = storeFingerprint(services.projects.store);
    const refused = [
      'pedlab://app/../secret.txt',
      'pedlab://app/%2e%2e/secret.txt',
      'pedlab://app/assets/..%2f..%2fsecret.txt',
      'pedlab://app/assets/..%5c..%5csecret.txt',
      'pedlab://app/%252e%252e/secret.txt',
      'pedlab://app/index.html%00.png',
      'pedlab://app/assets/',
      'pedlab://app/assets',
      'pedlab://image/424242',
      'pedlab://image/..%2F..%2Fsecret.txt',
      'pedlab://image/1/../../secret.txt',
      'pedlab://image/' + encodeURIComponent(join(dir.path, 'secret.txt')),
      'pedlab://image/1e3',
      'pedlab://image/99999999999999999999',
      'pedlab://thumb/x',
      'pedlab://file/1',
      'pedlab:///etc/passwd',
    ];
    for (const url of refused) {
      const reply = await get(url);
      expect(reply.status, url).toBe(404);
      expect(text(reply.body), url).not.toContain('secret');
    }
    expect((await get('pedlab://image/1', 'POST')).status).toBe(405);
    expect(storeFingerprint(services.projects.store)).toBe(before);
  });

  it('serves known images by id, and says why an unreadable one is not served', async () => {
    const images = services.projects.store.images.all();
    const good = images.find((i) => i.fileName === 'street_01.png')!;
    const broken = images.find((i) => i.fileName === 'notes.png')!;
    const image = await get(`pedlab://image/${good.id}`);
    expect(image).toMatchObject({ status: 200, headers: { 'content-type': 'image/png' } });
    expect((await get(`pedlab://thumb/${good.id}`)).headers['content-type']).toBe('image/jpeg');
    const refused = await get(`pedlab://image/${broken.id}`);
    expect(refused.status).toBe(404);
    expect(text(refused.body)).toMatch(/notes\.png: not a PNG or JPEG image/);
  });

  it('answers IPC only from the app page', () => {
    expect(isAppUrl('pedlab://app/index.html')).toBe(true);
    expect(isAppUrl('pedlab://app/')).toBe(true);
    for (const url of [
      'pedlab://image/1',
      'pedlab://app.evil.example/',
      'pedlab://user@app/',
      'https://app/',
      'http://127.0.0.1:3000/',
      'file:///index.html',
      'about:blank',
      'devtools://devtools/',
      '',
      'not a url',
      undefined,
    ]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });
});
