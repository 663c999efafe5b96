import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

export interface Refusal {
  status: number;
  reason: string;
}

export interface GuardOptions {
  port: number;
  token: string;
}

export function cookieName(port: number): string {
  return `pedlab_${port}`;
}

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

/**
 * The checks every request passes before anything else runs: the Host must be this loopback port (which defeats DNS
 * rebinding), a browser's Origin must be this page and its Sec-Fetch-Site same-origin (no cross-site requests, nor
 * same-site ones from another local port, which cookies do not tell apart), and the per-launch token must come
 * with it, as a query parameter on the first page load or as the cookie or header after that.
 */
export function checkRequest(req: IncomingMessage, url: URL, options: GuardOptions): Refusal | null {
  const allowedHosts = [`127.0.0.1:${options.port}`, `localhost:${options.port}`];
  const host = req.headers.host ?? '';
  if (!allowedHosts.includes(host)) return { status: 403, reason: `Host "${host}" is not allowed` };
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) {
    return { status: 403, reason: `Origin "${origin}" is not allowed` };
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') {
    return { status: 403, reason: `${site} requests are not allowed` };
  }
  const given =
    url.searchParams.get('token') ?? (req.headers['x-pedlab-token'] as string | undefined) ?? readCookie(req, cookieName(options.port));
  if (!sameToken(given ?? undefined, options.token)) return { status: 401, reason: 'missing or wrong token' };
  return null;
}
