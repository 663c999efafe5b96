import { existsSync } from 'node:fs';

/** Chromium (or Chrome) on this machine: PEDLAB_CHROMIUM, else the usual Linux paths; null when there is none. */
export function chromiumBinary(): string | null {
  const candidates = [process.env.PEDLAB_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((c): c is string => !!c && existsSync(c)) ?? null;
}
