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

  const claim = (code: string | null) =>
    send(host, '/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) });
  const codeOf = (launchUrl: string) => new URLSearchParams(new URL(launchUrl).hash.slice(1)).get('code');

  it('listens on 127.0.0.1 only, and its launch URL carries a one-time code, never the token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const first = host.launchUrl();
    expect(first).toMatch(new RegExp(`^${host.url}#code=[A-Za-z0-9_-]{32}$`));
    expect(first).not.toContain(host.token);
    expect(codeOf(host.launchUrl())).not.toBe(codeOf(first));
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('trades a launch code for the session token once; a used or unknown code is void', async () => {
    const code = codeOf(host.launchUrl());
    const first = await claim(code);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ token: host.token });
    expect(first.headers['set-cookie']).toBeUndefined();
    expect((await claim(code)).status).toBe(401);
    expect((await claim('x'.repeat(32))).status).toBe(401);
    expect((await claim(null)).status).toBe(401);
    const foreign = await send(host, '/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://127.0.0.1:1' },
      body: JSON.stringify({ code: codeOf(host.launchUrl()) }),
    });
    expect(foreign.status).toBe(403);
  });

  it('mints a new launch code only for a holder of the token', async () => {
    expect((await send(host, '/session/launch-code', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    const minted = await send(host, '/session/launch-code', { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: '{}' });
    expect((await claim(JSON.parse(minted.body).code)).status).toBe(200);
  });

  it("serves the app's public files without the token, and no data: the API and images need it", async () => {
    for (const path of ['/', '/index.html', '/assets/app.js']) expect((await send(host, path)).status, path).toBe(200);
    for (const path of ['/thumb/1', '/image/1', '/image/1?t=wrong']) {
      const reply = await send(host, path);
      expect(reply.status, path).toBe(401);
      expect(reply.body).not.toContain('PNG');
    }
    expect((await api('images.list', {})).status).toBe(401);
    expect((await api('images.list', {}, { 'x-pedlab-token': host.token.slice(0, -1) + 'x' })).status).toBe(401);
  });

  it('never sets or reads a cookie, which other servers on 127.0.0.1 would also receive', async () => {
    for (const path of ['/', `/?token=${host.token}`, '/index.html']) expect((await send(host, path)).headers['set-cookie'], path).toBeUndefined();
    const cookie = { cookie: `pedlab_${host.port}=${host.token}; pedlab=${host.token}` };
    expect((await api('images.list', {}, cookie)).status).toBe(401);
    expect((await send(host, '/image/1', { headers: cookie })).status).toBe(401);
  });

  it('lets a page load come from a local launch file, but no API call from elsewhere', async () => {
    const navigation = { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' };
    expect((await send(host, '/', { headers: navigation })).status).toBe(200);
    expect((await api('images.list', {}, { ...auth, ...navigation })).status).toBe(403);
    expect((await send(host, `/image/1?t=${host.token}`, { headers: navigation })).status).toBe(403);
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

  it('serves the page under a strict CSP', async () => {
    const page = await send(host, '/');
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
    const t = `t=${host.token}`;
    const image = await send(host, `/image/${good.id}?${t}`);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect((await send(host, `/image/424242?${t}`)).status).toBe(404);
    expect((await send(host, `/image/%2Fetc%2Fpasswd?${t}`)).status).toBe(404);
  });
});
