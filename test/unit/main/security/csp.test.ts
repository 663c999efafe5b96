import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../../main/security/csp.js';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

const ALLOWED_SOURCES = new Set(["'self'", "'none'", 'pedlab:', 'data:', 'blob:']);

describe('the content security policy', () => {
  for (const [where, policy] of [
    ['the header both hosts send', CONTENT_SECURITY_POLICY],
    ['the renderer page', /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync('renderer/index.html', 'utf8'))![1]],
  ] as const) {
    it(`in ${where}: own code only, no eval or inline script, no remote content`, () => {
      const d = directives(policy);
      expect(policy).not.toMatch(/unsafe-|wasm-unsafe|strict-dynamic|\*/);
      expect(d.get('default-src')).toEqual(["'self'"]);
      expect(d.get('script-src')).toEqual(["'self'"]);
      expect(d.get('object-src')).toEqual(["'none'"]);
      expect(d.get('base-uri')).toEqual(["'none'"]);
      expect(d.get('form-action')).toEqual(["'none'"]);
      for (const [name, values] of d) for (const v of values) expect(ALLOWED_SOURCES.has(v), `${name} ${v}`).toBe(true);
    });
  }

  it('forbids framing the app', () => {
    expect(directives(CONTENT_SECURITY_POLICY).get('frame-ancestors')).toEqual(["'none'"]);
  });
});
