import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Services } from '../../../main/services.js';
import { startWebHost, type WebHost } from '../../../main/webHost/webHost.js';
import { makeImageFolder } from '../../helpers/imageFolder.js';
import { storeFingerprint } from '../../helpers/storeFingerprint.js';
import { rawRequest } from '../../helpers/rawRequest.js';
import { tempDir } from '../../helpers/tempDir.js';

const send = (host: WebHost, path: string, options?: Parameters<typeof rawRequest>[2]) => rawRequest(host.port, path, options);

/** The refusals a mutating request meets without the token, from a foreign Host or Origin, or cross-site; nothing it asks for happens. */
describe('web host refusals change nothing', () => {
  const dir = tempDir();
  let services: Services;
  let host: WebHost;
  let imageId: number;
  let other: string;
  let before: string;
  const exportPath = () => join(dir.path, 'exported.json');
  const token = () => ({ 'x-pedlab-token': host.token });

  const mutations = () =>
    [
      ['annotations.commit', { imageId, create: [{ categoryId: 1, bbox: [1, 2, 3, 4], area: 12, iscrowd: false, mask: null }], update: [], delete: [] }],
      ['project.export', { format: 'coco', path: exportPath() }],
      ['project.openFolder', { folder: other }],
    ] as const;
  const post = (channel: string, body: unknown, headers: Record<string, string>) =>
    send(host, `/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    process.env.PEDLAB_MODELS_MANIFEST = join(dir.path, 'no-manifest.json');
    const folder = await makeImageFolder(join(dir.path, 'images'));
    other = (await makeImageFolder(join(dir.path, 'other'))).dir;
    const renderer = join(dir.path, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Pedlab</title>');
    writeFileSync(join(dir.path, 'secret.txt'), 'secret');
    services = new Services({ host: 'web' });
    await services.openFolder(folder.dir);
    imageId = services.projects.store.images.all().find((i) => i.fileName === 'street_01.png')!.id;
    host = await startWebHost({ services, rendererDir: renderer });
  });
  beforeEach(() => {
    before = storeFingerprint(services.projects.store);
  });
  afterAll(async () => {
    await host.close();
    await services.close();
    dir.remove();
  });

  const unchanged = () => {
    expect(services.projects.summary()!.folder).toBe(join(dir.path, 'images'));
    expect(storeFingerprint(services.projects.store)).toBe(before);
    expect(existsSync(exportPath())).toBe(false);
  };

  it('without the token, or with a wrong one', async () => {
    const wrong: Record<string, string>[] = [
      {},
      { 'x-pedlab-token': 'x'.repeat(host.token.length) },
      { 'x-pedlab-token': '' },
      { cookie: `pedlab_${host.port}=${host.token}` },
    ];
    for (const headers of wrong) {
      for (const [channel, body] of mutations()) expect((await post(channel, body, headers)).status, `${channel} ${JSON.stringify(headers)}`).toBe(401);
    }
    unchanged();
  });

  it('with a foreign Host (DNS rebinding), even with the token', async () => {
    for (const name of [
      'evil.example',
      `evil.example:${host.port}`,
      `127.0.0.1:${host.port + 1}`,
      `localhost.evil.example:${host.port}`,
      `[::1]:${host.port}`,
    ]) {
      for (const [channel, body] of mutations()) expect((await post(channel, body, { ...token(), host: name })).status, `${name} ${channel}`).toBe(403);
    }
    unchanged();
  });

  it('from a foreign Origin or another site, even with the token', async () => {
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { origin: `http://127.0.0.1:${host.port + 1}` },
      { origin: `https://127.0.0.1:${host.port}` },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of foreign) {
      for (const [channel, body] of mutations()) expect((await post(channel, body, { ...token(), ...headers })).status, JSON.stringify(headers)).toBe(403);
    }
    unchanged();
  });

  it('path traversal, odd methods, odd channel names and oversized bodies', async () => {
    for (const path of [
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%252e%252e/secret.txt',
      '/index.html%00.js',
      '//etc/passwd',
      '/image/..%2f..%2fsecret.txt',
      '/thumb/1%2f..',
    ]) {
      const reply = await send(host, `${path}?t=${host.token}`, { headers: token() });
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('secret');
    }
    for (const path of ['/api/..%2f..%2fsecret.txt', '/api/%E0%A4%A', '/api/annotations.commit%00', '/api/constructor']) {
      const reply = await send(host, path, { method: 'POST', headers: { ...token(), 'content-type': 'application/json' }, body: '{}' });
      expect(JSON.parse(reply.body), path).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    }
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      expect((await send(host, '/api/annotations.commit', { method, headers: token() })).status, method).toBe(405);
    }
    expect((await send(host, '/index.html', { method: 'DELETE', headers: token() })).status).toBe(405);
    const huge = Buffer.alloc(17 * 1024 * 1024, 0x20);
    expect([0, 400]).toContain(
      (await send(host, '/api/annotations.commit', { method: 'POST', headers: { ...token(), 'content-type': 'application/json' }, body: huge })).status,
    );
    unchanged();
  });

  it('listens on the loopback interface only', async () => {
    const address = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
    if (!address) return console.warn('skipping the outside-address check: this machine has no non-loopback IPv4 address');
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect({ host: address, port: host.port });
      socket.once('connect', () => (socket.destroy(), resolve('connected')));
      socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    });
    expect(outcome).toBe('ECONNREFUSED');
  });
});
