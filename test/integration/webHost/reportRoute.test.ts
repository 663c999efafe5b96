import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportExport } from '../../../core/ipc/types.js';
import { writtenFiles } from '../../../main/importExport/writtenFiles.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { reportsDir } from '../../../main/report/exportedReports.js';
import { Services } from '../../../main/services.js';
import { startWebHost, type WebHost } from '../../../main/webHost/webHost.js';
import { smallCocoProject, importResultsModels } from '../../helpers/smallImages.js';
import { rawRequest } from '../../helpers/rawRequest.js';
import { tempDir } from '../../helpers/tempDir.js';

const RESULTS = [{ image_id: 7, category_id: 1, bbox: [1, 1, 3, 4], score: 0.9 }];

describe('reports open from where Pedlab wrote them, by id', () => {
  const dir = tempDir();
  let services: Services;
  let host: WebHost;
  let ids: [number, number];

  beforeAll(async () => {
    process.env.PEDLAB_DATA_DIR = join(dir.path, 'data');
    const gt = join(dir.path, 'gt.json');
    services = await smallCocoProject(join(dir.path, 'street'), gt);
    const [a, b] = await importResultsModels(services, gt, [
      ['a', RESULTS],
      ['b', RESULTS],
    ]);
    ids = [a, b];
    const renderer = join(dir.path, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Pedlab</title>');
    host = await startWebHost({ services, rendererDir: renderer });
  });
  afterAll(async () => {
    await host.close();
    await services.close();
    dir.remove();
  });

  const get = (path: string) => rawRequest(host.port, path);

  it('suggests a new folder in the data folder for each report, one per day and project', async () => {
    const first = await services.handlers['report.defaultFolder']({});
    const day = new Date().toISOString().slice(0, 10);
    expect(first.dir).toBe(join(reportsDir(), `street-${day}`));
    mkdirSync(first.dir, { recursive: true });
    expect((await services.handlers['report.defaultFolder']({})).dir).toBe(join(reportsDir(), `street-${day}-2`));
  });

  it('serves the exported HTML with the token, sandboxed, and nothing else', async () => {
    const { dir: out } = await services.handlers['report.defaultFolder']({});
    const exported = (await dispatch(services.handlers, 'report.export', { modelIds: ids, dir: out, formats: ['html', 'json'] })) as {
      ok: true;
      value: ReportExport;
    };
    expect(exported.ok).toBe(true);
    const id = exported.value.reportId!;
    expect(id).toBeGreaterThan(0);

    const served = await get(`/report/${id}?t=${host.token}`);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(served.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    expect(served.body).toContain('<title>');

    expect((await get(`/report/${id}`)).status).toBe(401);
    expect((await get(`/report/${id}?t=wrong`)).status).toBe(401);
    expect((await get(`/report/999?t=${host.token}`)).body).toContain('No report 999 was exported');
    for (const path of [`/report/..%2F..%2Fetc%2Fpasswd?t=${host.token}`, `/report/${join(out, 'report.json')}?t=${host.token}`]) {
      expect((await get(path)).status).toBe(404);
    }
    // A JSON-only export has no report to open.
    const jsonOnly = (await dispatch(services.handlers, 'report.export', { modelIds: ids, dir: join(dir.path, 'json-only'), formats: ['json'] })) as {
      ok: true;
      value: ReportExport;
    };
    expect(jsonOnly.value.reportId).toBeUndefined();

    // Changed since Pedlab wrote it: no longer served.
    writeFileSync(join(out, 'report.html'), '<script>alert(1)</script>');
    const changed = await get(`/report/${id}?t=${host.token}`);
    expect(changed.status).toBe(404);
    expect(changed.body).toContain('was changed or removed since Pedlab wrote it');
  });

  it('opens a report only where the host has a viewer, and only one it exported', async () => {
    expect(await dispatch(services.handlers, 'report.open', { reportId: 1 })).toMatchObject({ ok: false, error: { code: 'report-changed' } });
    const opened: string[] = [];
    const desktop = new Services({ host: 'electron', pickPath: async () => null, openFile: async (path) => void opened.push(path) });
    expect(await dispatch(desktop.handlers, 'report.open', { reportId: 1 })).toMatchObject({ ok: false, error: { code: 'report-unknown' } });
    expect(await dispatch(desktop.handlers, 'report.open', { reportId: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(opened).toEqual([]);
    const html = join(dir.path, 'desktop', 'report.html');
    mkdirSync(join(dir.path, 'desktop'));
    writeFileSync(html, '<!doctype html><title>report</title>');
    writtenFiles.record([html]);
    const reportId = desktop.reports.add([join(dir.path, 'desktop', 'report.json'), html])!;
    expect(await dispatch(desktop.handlers, 'report.open', { reportId })).toEqual({ ok: true, value: { opened: true } });
    expect(opened).toEqual([html]);
  });
});
