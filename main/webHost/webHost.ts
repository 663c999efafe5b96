import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CONTENT_SECURITY_POLICY, REPORT_CONTENT_SECURITY_POLICY } from '../security/csp.js';
import { dispatch } from '../ipc/dispatch.js';
import { PedlabError } from '../errors.js';
import type { Services } from '../services.js';
import { checkRequest } from './guard.js';
import { LaunchSession } from './launchSession.js';
import { parseMediaPath, readMedia } from './mediaRoutes.js';
import { readStatic } from './staticFiles.js';

export interface WebHostOptions {
  services: Services;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface WebHost {
  url: string;
  /** A URL that opens the app once: it carries a new one-time launch code (in the fragment, never sent in a request line). */
  launchUrl(): string;
  /** The session token, for clients in this process. */
  token: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 16 * 1024 * 1024;

const BASE_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': type, 'cache-control': 'no-store', ...extra });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new PedlabError('too-large', 'request body too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Serves the built renderer and the IPC contract over HTTP on 127.0.0.1, for the browser and for tests. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const session = new LaunchSession();
  const rendererDir = resolve(options.rendererDir);
  let port = options.port ?? 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error('[pedlab] web host error:', err);
      if (!res.headersSent) send(res, 500, 'internal error', 'text/plain; charset=utf-8');
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const refusal = checkRequest(req, url, port, (given) => session.authorises(given));
    if (refusal) return send(res, refusal.status, `refused: ${refusal.reason}\n`, 'text/plain; charset=utf-8');

    const path = url.pathname;
    if (path.startsWith('/api/') || path === '/session' || path === '/session/launch-code') {
      if (req.method !== 'POST') return send(res, 405, 'use POST\n', 'text/plain; charset=utf-8', { allow: 'POST' });
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, 'expected application/json\n', 'text/plain; charset=utf-8');
      }
      let payload: unknown;
      try {
        const body = await readBody(req);
        payload = body ? JSON.parse(body) : {};
      } catch (err) {
        const message = err instanceof PedlabError ? err.message : 'request body is not valid JSON';
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'invalid-request', message } }), 'application/json');
      }
      if (path === '/session') {
        const token = session.claim((payload as { code?: unknown } | null)?.code);
        if (!token) return send(res, 401, 'refused: this launch link was already used or is not valid\n', 'text/plain; charset=utf-8');
        return send(res, 200, JSON.stringify({ token }), 'application/json');
      }
      if (path === '/session/launch-code') return send(res, 200, JSON.stringify({ code: session.mintCode() }), 'application/json');
      const channel = /^[a-z]+\.[A-Za-z]+$/.test(path.slice(5)) ? path.slice(5) : '';
      const envelope = await dispatch(options.services.handlers, channel, payload);
      return send(res, 200, JSON.stringify(envelope), 'application/json');
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed\n', 'text/plain; charset=utf-8');

    const media = parseMediaPath(path);
    if (media) {
      try {
        const { bytes, mime } = await readMedia(options.services, media);
        return send(res, 200, bytes, mime);
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        return send(res, 404, `${message}\n`, 'text/plain; charset=utf-8');
      }
    }

    const report = /^\/report\/(\d+)$/.exec(path);
    if (report) {
      try {
        const html = await readFile(options.services.reports.path(Number(report[1])));
        return send(res, 200, html, 'text/html; charset=utf-8', { 'content-security-policy': REPORT_CONTENT_SECURITY_POLICY });
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        return send(res, 404, `${message}\n`, 'text/plain; charset=utf-8');
      }
    }

    const file = await readStatic(rendererDir, path === '/' ? '/index.html' : path);
    if (!file) return send(res, 404, 'not found\n', 'text/plain; charset=utf-8');
    return send(res, 200, file.body, file.type);
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: () => `${url}#code=${session.mintCode()}`,
    token: session.token,
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
