import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

describe('the packaged desktop app', () => {
  const config = parse(readFileSync('electron-builder.yml', 'utf8')) as { asar?: boolean; electronFuses?: Record<string, boolean> };

  it("flips Electron's fuses as its security checklist recommends", () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an asar archive, which the integrity fuses check', () => {
    expect(config.asar).toBe(true);
  });
});
