import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Services } from '../../../main/services.js';
import { startWebHost, type WebHost } from '../../../main/webHost/webHost.js';
import { makeImageFolder } from '../../helpers/imageFolder.js';
import { rawRequest } from '../../helpers/rawRequest.js';
import { tempDir } from '../../helpers/tempDir.js';

const send = (host: WebHost, path: string, options?: Parameters<typeof rawRequest>[2]) => rawRequest(host.port, path, options);

describe('web host', () => {
  const dir = tempDir();
  let services: Services;
  let host: WebHost;
  let auth: Record<string, string>;

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    const folder = await makeImageFolder(join(dir.path, 'images'));
    const renderer = join(dir.path, 'renderer');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Pedlab</title>');
    writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(dir.path, 'secret.txt'), 'secret');
    services = new Services({ host: 'web' });
    await services.openFolder(folder.dir);
    host = await startWebHost({ services, rendererDir: renderer });
    auth = { 'x-pedlab-token': host.token };
  });
  afterAll(async () => {
    await host.close();
    services.close();
    dir.remove();
  });

  const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
    send(host, `/api/${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('listens on 127.0.0.1 only and prints a URL with the token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.launchUrl).toBe(`${host.url}?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses every kind of request without the token', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/thumb/1', '/image/1']) {
      const reply = await send(host, path);
      expect(reply.status, path).toBe(401);
      expect(reply.body).not.toContain('Pedlab');
    }
    const call = await api('images.list', {});
    expect(call.status).toBe(401);
    expect((await send(host, '/?token=wrong')).status).toBe(401);
    expect((await api('images.list', {}, { 'x-pedlab-token': host.token.slice(0, -1) + 'x' })).status).toBe(401);
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', async () => {
    const reply = await send(host, '/api/images.list', {
      method: 'POST',
      headers: { host: `evil.example:${host.port}`, 'content-type': 'application/json', ...auth },
      body: '{}',
    });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatch(/Host "evil\.example:\d+" is not allowed/);
  });

  it('refuses a foreign Origin (cross-site request) even with the token', async () => {
    const reply = await api('images.list', {}, { ...auth, origin: 'https://evil.example' });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatch(/Origin "https:\/\/evil\.example" is not allowed/);
    const crossSite = await api('images.list', {}, { ...auth, 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
  });

  it('answers the contract with the token and the app origin', async () => {
    const reply = await api('images.list', {}, { ...auth, origin: `http://127.0.0.1:${host.port}` });
    expect(reply.status).toBe(200);
    const envelope = JSON.parse(reply.body);
    expect(envelope.ok).toBe(true);
    expect(envelope.value).toHaveLength(6);
  });

  it('trades the launch token for an HttpOnly cookie that then authorises the page', async () => {
    const first = await send(host, `/?token=${host.token}`);
    expect(first.status).toBe(303);
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await send(host, '/', { headers: { cookie: cookie.split(';')[0] } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Pedlab</title>');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-eval/);
  });

  it('serves no directory listing and nothing outside the renderer', async () => {
    for (const path of ['/assets/', '/assets', '/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/image/../../secret.txt']) {
      const reply = await send(host, path, { headers: auth });
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('secret');
    }
  });

  it('rejects payloads of the wrong shape and changes nothing', async () => {
    const before = await api('images.list', {}, auth);
    const wrong = [
      ['annotations.list', { imageId: 'one' }],
      ['annotations.list', { imageId: -4 }],
      ['annotations.list', {}],
      ['project.openFolder', { folder: 42 }],
      ['project.openFolder', { folder: '/tmp', extra: true }],
    ] as const;
    for (const [channel, body] of wrong) {
      const reply = await api(channel, body, auth);
      const envelope = JSON.parse(reply.body);
      expect(envelope, `${channel} ${JSON.stringify(body)}`).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      expect(envelope.error.message).toContain(`Invalid request for "${channel}"`);
    }
    const notJson = await send(host, '/api/images.list', { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: '{nope' });
    expect(notJson.status).toBe(400);
    const unknown = JSON.parse((await api('fs.readFile', { path: '/etc/passwd' }, auth)).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    const formPost = await send(host, '/api/images.list', { method: 'POST', headers: { 'content-type': 'text/plain', ...auth }, body: '{}' });
    expect(formPost.status).toBe(415);
    expect((await api('images.list', {}, auth)).body).toBe(before.body);
    expect((await api('project.current', {}, auth)).body).toContain('"imageCount":6');
  });

  it('serves images the store knows, and nothing else', async () => {
    const list = JSON.parse((await api('images.list', {}, auth)).body).value as { id: number; fileName: string }[];
    const good = list.find((i) => i.fileName === 'street_01.png')!;
    const image = await send(host, `/image/${good.id}`, { headers: auth });
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect((await send(host, '/image/424242', { headers: auth })).status).toBe(404);
    expect((await send(host, '/image/%2Fetc%2Fpasswd', { headers: auth })).status).toBe(404);
  });
});
