import { channels, contract, type Channel, type Handlers } from '../../core/ipc/contract.js';
import type { Envelope } from '../../core/ipc/types.js';
import { PedlabError } from '../errors.js';
import { storeFailure } from '../store/storeErrors.js';

export function isChannel(name: string): name is Channel {
  return (channels as readonly string[]).includes(name);
}

/** Validates a payload against the contract and runs its handler; every outcome is an envelope, never a throw. */
export async function dispatch(handlers: Handlers, channel: string, payload: unknown): Promise<Envelope<unknown>> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'unknown-channel', message: `Unknown channel "${channel}".` } };
  }
  const parsed = contract[channel].request.safeParse(payload ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'request'}: ${i.message}`).join('; ');
    return { ok: false, error: { code: 'invalid-request', message: `Invalid request for "${channel}": ${detail}` } };
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (err) {
    const known = err instanceof PedlabError ? err : storeFailure(err);
    if (known) return { ok: false, error: { code: known.code, message: known.message } };
    const message = err instanceof Error ? err.message : String(err);
    console.error(`[pedlab] ${channel} failed:`, err);
    return { ok: false, error: { code: 'internal', message: `${channel} failed: ${message}` } };
  }
}
