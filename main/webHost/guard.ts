import type { IncomingMessage } from 'node:http';

export interface Refusal {
  status: number;
  reason: string;
}

/** What a request asks for, which decides how much it must prove. */
export type RequestKind = 'static' | 'claim' | 'api' | 'media';

export function requestKind(path: string): RequestKind {
  if (path === '/session') return 'claim';
  if (path.startsWith('/api/') || path === '/session/launch-code') return 'api';
  if (/^\/(image|thumb|report)\//.test(path)) return 'media';
  return 'static';
}

/** A top-level page load: the one kind of request that may come from elsewhere (the launch page is a local file). */
function isNavigation(req: IncomingMessage): boolean {
  return req.headers['sec-fetch-mode'] === 'navigate' && req.headers['sec-fetch-dest'] === 'document' && req.method === 'GET';
}

/**
 * The checks every request passes before anything else runs. The Host must be this loopback port (which defeats DNS
 * rebinding). A browser's Origin must be this page and its Sec-Fetch-Site same-origin: no cross-site requests, nor
 * same-site ones from another local port. Only a page load of the app's own files may come from elsewhere, since
 * they are the app's public code and change nothing. API and image requests must carry the session token: the API
 * in the `x-pedlab-token` header, images and exported reports (which the page loads or links by URL) in the `t` query
 * parameter. Cookies are
 * never read.
 */
export function checkRequest(req: IncomingMessage, url: URL, port: number, authorises: (token: string | null | undefined) => boolean): Refusal | null {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = req.headers.host ?? '';
  if (!allowedHosts.includes(host)) return { status: 403, reason: `Host "${host}" is not allowed` };
  const kind = requestKind(url.pathname);
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) {
    return { status: 403, reason: `Origin "${origin}" is not allowed` };
  }
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none' && !(kind === 'static' && isNavigation(req))) {
    return { status: 403, reason: `${site} requests are not allowed` };
  }
  if (kind === 'static' || kind === 'claim') return null;
  const given = kind === 'api' ? (req.headers['x-pedlab-token'] as string | undefined) : url.searchParams.get('t');
  if (!authorises(given)) return { status: 401, reason: 'missing or wrong token' };
  return null;
}
