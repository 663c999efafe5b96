import { channels, type Channel, type PedlabApi, type RequestOf, type ResponseOf } from '../../../core/ipc/contract';
import type { Envelope, ImageEntry } from '../../../core/ipc/types';

/** The preload's bridge in the Electron host: one function per channel, each answering an envelope. */
type Bridge = { [C in Channel]: (request: RequestOf<C>) => Promise<Envelope<ResponseOf<C>>> };

declare global {
  interface Window {
    pedlab?: Bridge;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const bridge = typeof window !== 'undefined' ? window.pedlab : undefined;

/** The desktop app: it has native file dialogs, and takes only the paths they answer. */
export const hasNativeDialogs = !!bridge;

const SESSION_KEY = 'pedlab.session';
/** The web host's session token: claimed once with the launch link's one-time code, kept for this tab only. */
let sessionToken: string | null = null;

async function claimSession(): Promise<void> {
  sessionToken = sessionStorage.getItem(SESSION_KEY);
  const code = new URLSearchParams(location.hash.slice(1)).get('code');
  if (!code) {
    if (sessionToken) return;
    throw new ApiError('launch', 'This page has no Pedlab session: open it through pedlab start, or through the link that pedlab serve prints.');
  }
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  const res = await fetch('/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }), credentials: 'omit' });
  if (!res.ok) {
    if (sessionToken) return;
    throw new ApiError(
      'launch',
      'This launch link was already used: each link opens Pedlab once. Run pedlab start again, or open the new link that pedlab serve prints.',
    );
  }
  sessionToken = ((await res.json()) as { token: string }).token;
  sessionStorage.setItem(SESSION_KEY, sessionToken);
}

const session = bridge ? Promise.resolve() : claimSession();
// Each call awaits the claim and reports its failure; this only keeps an early failure from going unhandled.
session.catch(() => undefined);

async function overHttp(channel: Channel, request: unknown): Promise<Envelope<unknown>> {
  await session;
  const res = await fetch(`/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-pedlab-token': sessionToken ?? '' },
    body: JSON.stringify(request ?? {}),
    credentials: 'omit',
  });
  if (res.headers.get('content-type')?.startsWith('application/json')) return (await res.json()) as Envelope<unknown>;
  throw new ApiError('http', `${channel}: ${res.status} ${(await res.text()).trim()}`);
}

async function call(channel: Channel, request: unknown): Promise<unknown> {
  const envelope = bridge ? await (bridge[channel] as (r: unknown) => Promise<Envelope<unknown>>)(request) : await overHttp(channel, request);
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
  return envelope.value;
}

/** The whole contract, the same in both hosts. The only module that knows which host the renderer runs in. */
export const api = Object.fromEntries(channels.map((c) => [c, (request: unknown) => call(c, request)])) as PedlabApi;

type ImageRef = Pick<ImageEntry, 'id' | 'sha256'>;

/** Image URLs carry the content hash, so a cached picture is never shown for another file with the same id. */
function mediaUrl(route: 'image' | 'thumb', image: ImageRef): string {
  const version = `?v=${image.sha256 ?? ''}`;
  return bridge ? `pedlab://${route}/${image.id}${version}` : `/${route}/${image.id}${version}&t=${sessionToken ?? ''}`;
}

export function imageUrl(image: ImageRef): string {
  return mediaUrl('image', image);
}

export function thumbnailUrl(image: ImageRef): string {
  return mediaUrl('thumb', image);
}

/** The web host's link to a report this session exported (by the id `report.export` answered); the desktop app opens it with `report.open`. */
export function reportUrl(reportId: number): string {
  return `/report/${reportId}?t=${sessionToken ?? ''}`;
}
