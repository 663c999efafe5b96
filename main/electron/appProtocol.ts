import { CONTENT_SECURITY_POLICY } from '../security/csp.js';
import type { Services } from '../services.js';
import { parseMediaPath, readMedia } from '../webHost/mediaRoutes.js';
import { readStatic } from '../webHost/staticFiles.js';

/** The origin the renderer is loaded from in the Electron host. */
export const APP_ORIGIN = 'pedlab://app';

export interface ProtocolReply {
  status: number;
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
}

/** Whether a frame URL is the app's own page: the only sender the IPC contract answers. */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'pedlab:' && parsed.host === 'app' && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}

function text(status: number, body: string): ProtocolReply {
  return { status, body: new TextEncoder().encode(body), headers: { 'content-type': 'text/plain; charset=utf-8' } };
}

const NO_SNIFF = { 'x-content-type-options': 'nosniff' };

/**
 * Answers a pedlab:// request: pedlab://app/… serves the built renderer (never a directory, never a file outside it);
 * pedlab://image/ID and pedlab://thumb/ID serve only images the store knows, by id, so no path reaches the disk.
 */
export async function answerProtocol(
  requestUrl: string,
  method: string,
  services: Pick<Services, 'image' | 'thumbnail'>,
  rendererDir: string,
): Promise<ProtocolReply> {
  if (method !== 'GET' && method !== 'HEAD') return text(405, 'method not allowed');
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return text(400, 'bad url');
  }
  if (url.protocol !== 'pedlab:') return text(404, 'not found');
  try {
    if (url.host === 'app') {
      const file = await readStatic(rendererDir, url.pathname === '/' || url.pathname === '' ? '/index.html' : url.pathname);
      if (!file) return text(404, 'not found');
      return {
        status: 200,
        body: new Uint8Array(file.body),
        headers: { 'content-type': file.type, 'content-security-policy': CONTENT_SECURITY_POLICY, ...NO_SNIFF },
      };
    }
    const route = parseMediaPath(`/${url.host}${url.pathname}`);
    if (!route) return text(404, 'not found');
    const media = await readMedia(services, route);
    return { status: 200, body: new Uint8Array(media.bytes), headers: { 'content-type': media.mime, ...NO_SNIFF } };
  } catch (err) {
    return text(404, err instanceof Error ? err.message : String(err));
  }
}
