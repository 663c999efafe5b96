import { randomBytes, timingSafeEqual } from 'node:crypto';

/** How many unclaimed launch codes are kept at once; the oldest is dropped past that. */
const MAX_OPEN_CODES = 16;

function sameSecret(given: string | undefined | null, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The web host's credentials. The session token authorises every API and image request; it travels only in request
 * headers (and the image URLs of the page that holds it), never in a cookie, which browsers would also send to any
 * other server on 127.0.0.1, whatever its port. A page gets the token by claiming a launch code, which works once.
 */
export class LaunchSession {
  readonly token = randomBytes(24).toString('base64url');
  private readonly openCodes: string[] = [];

  /** A new one-time code for a launch URL. */
  mintCode(): string {
    const code = randomBytes(24).toString('base64url');
    this.openCodes.push(code);
    if (this.openCodes.length > MAX_OPEN_CODES) this.openCodes.shift();
    return code;
  }

  /** Trades a launch code for the session token; the code is void once claimed. */
  claim(code: unknown): string | null {
    if (typeof code !== 'string') return null;
    const at = this.openCodes.findIndex((open) => sameSecret(code, open));
    if (at < 0) return null;
    this.openCodes.splice(at, 1);
    return this.token;
  }

  authorises(given: string | undefined | null): boolean {
    return sameSecret(given, this.token);
  }
}
