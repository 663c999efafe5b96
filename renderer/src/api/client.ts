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

async function overHttp(channel: Channel, request: unknown): Promise<Envelope<unknown>> {
  const res = await fetch(`/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request ?? {}),
    credentials: 'same-origin',
  });
  if (res.headers.get('content-type')?.startsWith('application/json')) return (await res.json()) as Envelope<unknown>;
  throw new ApiError('http', `${channel}: ${res.status} ${(await res.text()).trim()}`);
}

async function call(channel: Channel, request: unknown): Promise<unknown> {
  const envelope = bridge
    ? await (bridge[channel] as (r: unknown) => Promise<Envelope<unknown>>)(request)
    : await overHttp(channel, request);
  if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
  return envelope.value;
}

/** The whole contract, the same in both hosts. The only module that knows which host the renderer runs in. */
export const api = Object.fromEntries(channels.map((c) => [c, (request: unknown) => call(c, request)])) as PedlabApi;

type ImageRef = Pick<ImageEntry, 'id' | 'sha256'>;

/** Image URLs carry the content hash, so a cached picture is never shown for another file with the same id. */
export function imageUrl(image: ImageRef): string {
  return `${bridge ? 'pedlab://image/' : '/image/'}${image.id}?v=${image.sha256 ?? ''}`;
}

export function thumbnailUrl(image: ImageRef): string {
  return `${bridge ? 'pedlab://thumb/' : '/thumb/'}${image.id}?v=${image.sha256 ?? ''}`;
}
