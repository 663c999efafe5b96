/**
 * A cursor over the UTF-8 bytes of a JSON text, for readers that take values straight out of the bytes instead of
 * building the whole tree. It follows RFC 8259 as `JSON.parse` does and never throws: every read answers
 * {@link NOT_PLAIN} (or false) where the text is not JSON or holds what the reader does not take, and the reader
 * then gives the text to `JSON.parse` and the checks that explain what is wrong.
 */
export const NOT_PLAIN = Symbol('not plain JSON');

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const DOT = 0x2e;
/** Deeper values are left to `JSON.parse`. */
const MAX_DEPTH = 64;
/** 10^k for k = 0 .. 22, all exact doubles. */
const POWERS_OF_TEN = Float64Array.from({ length: 23 }, (_, k) => 10 ** k);

const isDigit = (b: number) => b >= 0x30 && b <= 0x39;

export class JsonBytes {
  pos = 0;
  /** Where the last key read ends (its closing quote). */
  private keyEnd = 0;

  constructor(readonly bytes: Uint8Array) {}

  /** Skips whitespace (space, tab, line feed, carriage return) and returns the next byte, or -1 at the end. */
  peek(): number {
    const b = this.bytes;
    let p = this.pos;
    while (p < b.length) {
      const c = b[p];
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      p++;
    }
    this.pos = p;
    return p < b.length ? b[p] : -1;
  }

  /** Consumes `byte` (after whitespace) when it comes next. */
  take(byte: number): boolean {
    if (this.peek() !== byte) return false;
    this.pos++;
    return true;
  }

  /** Whether only whitespace is left. */
  atEnd(): boolean {
    return this.peek() === -1;
  }

  /**
   * A number. Up to 15 significant digits with up to 22 decimals, no exponent, is the integer of its digits over a
   * power of ten: both exact, so the one division rounds as the decimal does. Anything else is read by `Number`.
   * Whitespace before it is skipped.
   */
  number(): number | typeof NOT_PLAIN {
    const b = this.bytes;
    this.peek();
    const start = this.pos;
    let p = start;
    const negative = b[p] === MINUS;
    if (negative) p++;
    if (!isDigit(b[p])) return NOT_PLAIN;
    let digits = 0;
    let mantissa = 0;
    if (b[p] === 0x30) p++;
    else {
      while (isDigit(b[p])) {
        mantissa = mantissa * 10 + (b[p++] - 0x30);
        digits++;
      }
    }
    let decimals = 0;
    if (b[p] === DOT) {
      p++;
      if (!isDigit(b[p])) return NOT_PLAIN;
      while (isDigit(b[p])) {
        mantissa = mantissa * 10 + (b[p++] - 0x30);
        decimals++;
      }
    }
    let exponent = false;
    if (b[p] === 0x65 || b[p] === 0x45) {
      exponent = true;
      p++;
      if (b[p] === 0x2b || b[p] === MINUS) p++;
      if (!isDigit(b[p])) return NOT_PLAIN;
      while (isDigit(b[p])) p++;
    }
    this.pos = p;
    if (!exponent && digits + decimals <= 15 && decimals <= 22) {
      const v = decimals === 0 ? mantissa : mantissa / POWERS_OF_TEN[decimals];
      return negative ? -v : v;
    }
    let text = '';
    for (let i = start; i < p; i++) text += String.fromCharCode(b[i]);
    return Number(text);
  }

  /**
   * Moves past a key (at its opening quote) and returns where its text starts, or -1 where it is no string or has
   * escapes (which the reader leaves to `JSON.parse`).
   */
  key(): number {
    const start = this.pos + 1;
    if (!this.skipString()) return -1;
    this.keyEnd = this.pos - 1;
    for (let i = start; i < this.keyEnd; i++) if (this.bytes[i] === BACKSLASH) return -1;
    return start;
  }

  /** Whether the last key read, which starts at `start`, is `name`. */
  spells(start: number, name: string): boolean {
    const b = this.bytes;
    if (this.keyEnd - start !== name.length) return false;
    for (let i = 0; i < name.length; i++) if (b[start + i] !== name.charCodeAt(i)) return false;
    return true;
  }

  /** Moves past one well-formed string (at its opening quote). */
  skipString(): boolean {
    const b = this.bytes;
    let p = this.pos;
    if (b[p] !== QUOTE) return false;
    p++;
    for (;;) {
      if (p >= b.length) return false;
      const c = b[p++];
      if (c === QUOTE) break;
      if (c < 0x20) return false;
      if (c !== BACKSLASH) continue;
      const e = b[p++];
      if (e === 0x75) {
        for (let k = 0; k < 4; k++, p++) if (!isHex(b[p])) return false;
      } else if (e !== QUOTE && e !== BACKSLASH && e !== 0x2f && e !== 0x62 && e !== 0x66 && e !== 0x6e && e !== 0x72 && e !== 0x74) return false;
    }
    this.pos = p;
    return true;
  }

  /** Moves past one well-formed value of any kind. */
  skipValue(depth = 0): boolean {
    if (depth > MAX_DEPTH) return false;
    const c = this.peek();
    if (c === QUOTE) return this.skipString();
    if (c === 0x5b) {
      this.pos++;
      if (this.take(0x5d)) return true;
      do if (!this.skipValue(depth + 1)) return false;
      while (this.take(0x2c));
      return this.take(0x5d);
    }
    if (c === 0x7b) {
      this.pos++;
      if (this.take(0x7d)) return true;
      do {
        if (this.peek() !== QUOTE || !this.skipString() || !this.take(0x3a) || !this.skipValue(depth + 1)) return false;
      } while (this.take(0x2c));
      return this.take(0x7d);
    }
    if (c === 0x74) return this.literal('true');
    if (c === 0x66) return this.literal('false');
    if (c === 0x6e) return this.literal('null');
    return this.number() !== NOT_PLAIN;
  }

  private literal(word: string): boolean {
    for (let i = 0; i < word.length; i++) if (this.bytes[this.pos + i] !== word.charCodeAt(i)) return false;
    this.pos += word.length;
    return true;
  }
}

function isHex(b: number): boolean {
  return isDigit(b) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
}
