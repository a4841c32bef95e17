// `npm run audit` (scripts/audit.mjs) on saved `npm audit --json` reports: an advisory nobody
// wrote down fails with its package and address, a justified one passes, an exception no
// advisory needs fails, and an audit service that could not be asked fails loudly (unless told
// TREMPLIN_AUDIT_OFFLINE_OK=1, which still says so).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'tremplin-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GHSA = 'GHSA-xvch-5gv4-984h';
const withAdvisory = {
  auditReportVersion: 2,
  vulnerabilities: {
    minimist: {
      name: 'minimist', severity: 'critical', isDirect: false, effects: ['mkdirp'], range: '<0.2.4', nodes: ['node_modules/minimist'], fixAvailable: true,
      via: [{ source: 1088134, name: 'minimist', dependency: 'minimist', title: 'Prototype Pollution in minimist', url: `https://github.com/advisories/${GHSA}`, severity: 'critical', range: '<0.2.4' }],
    },
    mkdirp: { name: 'mkdirp', severity: 'critical', isDirect: true, via: ['minimist'], effects: [], range: '0.4.1 - 0.5.1', nodes: ['node_modules/mkdirp'], fixAvailable: true },
  },
  metadata: { vulnerabilities: { critical: 2, total: 2 }, dependencies: { prod: 40, total: 40 } },
};
const clean = { auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: { total: 0 }, dependencies: { prod: 40, total: 40 } } };
const unreachable = { message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405 };
const exception = { advisory: GHSA, package: 'minimist', reason: 'seulement lu par un outil de construction', date: '2026-01-15' };

let n = 0;
function withoutOfflineOk(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { TREMPLIN_AUDIT_OFFLINE_OK: _ignored, ...rest } = env;
  return rest;
}

function audit(report: unknown, exceptions: unknown, env: Record<string, string> = {}): { code: number | null; out: string } {
  const reportFile = join(dir, `report-${++n}.json`);
  const exceptionsFile = join(dir, `exceptions-${n}.json`);
  writeFileSync(reportFile, JSON.stringify(report));
  writeFileSync(exceptionsFile, JSON.stringify(exceptions));
  const r = spawnSync(process.execPath, [fileURLToPath(new URL('../../scripts/audit.mjs', import.meta.url))], {
    encoding: 'utf8',
    // Not the caller's TREMPLIN_AUDIT_OFFLINE_OK (CI sets it for the real audit step): each test says.
    env: { ...withoutOfflineOk(process.env), TREMPLIN_AUDIT_REPORT: reportFile, TREMPLIN_AUDIT_EXCEPTIONS: exceptionsFile, ...env },
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('npm run audit', () => {
  it('passes a clean report', () => {
    const r = audit(clean, { exceptions: [] });
    expect(r.code).toBe(0);
    expect(r.out).toContain('aucun avis de sécurité non traité');
  });

  it('fails on an advisory with no written exception, naming it once', () => {
    const r = audit(withAdvisory, { exceptions: [] });
    expect(r.code).toBe(1);
    expect(r.out).toContain('minimist');
    expect(r.out).toContain(`https://github.com/advisories/${GHSA}`);
    expect(r.out.split(GHSA).length - 1).toBe(1);
  });

  it('passes an advisory written down with its reason, by GHSA id or by address', () => {
    expect(audit(withAdvisory, { exceptions: [exception] }).code).toBe(0);
    expect(audit(withAdvisory, { exceptions: [{ ...exception, advisory: `https://github.com/advisories/${GHSA}` }] }).code).toBe(0);
  });

  it('fails on an exception no advisory needs any more', () => {
    const r = audit(clean, { exceptions: [exception] });
    expect(r.code).toBe(1);
    expect(r.out).toContain('ne correspondent plus');
    expect(r.out).toContain(GHSA);
  });

  it('fails on an exception without its reason or date', () => {
    const r = audit(withAdvisory, { exceptions: [{ advisory: GHSA, package: 'minimist', date: '15/01/2026' }] });
    expect(r.code).toBe(1);
    expect(r.out).toContain('exceptions[0].reason manquant');
    expect(r.out).toContain('exceptions[0].date');
  });

  it('fails loudly when the audit service cannot be asked', () => {
    const r = audit(unreachable, { exceptions: [] });
    expect(r.code).toBe(1);
    expect(r.out).toContain('IMPOSSIBLE d’interroger le service d’audit');
    expect(r.out).toContain('405 Method Not Allowed');
  });

  it('lets an unreachable service through only when told, and still says so', () => {
    const r = audit(unreachable, { exceptions: [] }, { TREMPLIN_AUDIT_OFFLINE_OK: '1' });
    expect(r.code).toBe(0);
    expect(r.out).toContain('IMPOSSIBLE d’interroger le service d’audit');
    // Never an advisory, though.
    expect(audit(withAdvisory, { exceptions: [] }, { TREMPLIN_AUDIT_OFFLINE_OK: '1' }).code).toBe(1);
  });
});
