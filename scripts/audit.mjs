// `npm run audit` (a step of `npm run check`): the known advisories against what Tremplin ships
// (`npm audit --omit=dev`; the dev tools never reach a tablet or the server). It fails on any
// advisory not written down in audit-exceptions.json with the reason it does not apply, and on
// any exception no advisory needs any more, so that list stays true. It also fails when the
// registry's audit service cannot be asked: a check that could not run must not look passed.
// TREMPLIN_AUDIT_OFFLINE_OK=1 turns only that last case into a loud warning (a machine whose
// registry mirror has no audit service); it never lets an advisory through.
// For tests and offline review: TREMPLIN_AUDIT_REPORT=<file> reads a saved `npm audit --json`
// report instead of asking the registry, TREMPLIN_AUDIT_EXCEPTIONS=<file> another exceptions file.
// Plain Node, no dependency.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const exceptionsFile = process.env.TREMPLIN_AUDIT_EXCEPTIONS ?? join(root, 'audit-exceptions.json');

function fail(lines) {
  console.error(lines.join('\n'));
  process.exit(1);
}

/** The audit report, or the reason it could not be had. */
function auditReport() {
  const saved = process.env.TREMPLIN_AUDIT_REPORT;
  let text;
  if (saved) {
    text = readFileSync(saved, 'utf8');
  } else {
    // npm exits non-zero when it finds advisories: the JSON says what happened, not the code.
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
    if (r.error) return { unreachable: `npm audit n’a pas pu être lancé (${r.error.message})` };
    text = r.stdout;
  }
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    return { unreachable: 'réponse illisible de npm audit (pas du JSON)' };
  }
  if (report === null || typeof report !== 'object' || typeof report.vulnerabilities !== 'object' || report.vulnerabilities === null) {
    const why = report?.message || report?.error?.summary || report?.error?.code || (report?.statusCode && `HTTP ${report.statusCode}`);
    return { unreachable: why || 'le rapport ne contient pas de liste de vulnérabilités' };
  }
  return { report };
}

/** The advisory's stable name: its GHSA id when its address has one, else the address or npm's number. */
function advisoryKey(value) {
  const text = String(value).trim();
  const ghsa = /GHSA(-[23456789cfghjmpqrvwx]{4}){3}/i.exec(text);
  return ghsa ? ghsa[0].toUpperCase() : text;
}

/** Every advisory the report names, once each: [{key, package, severity, title, url, fix}]. */
function advisoriesOf(report) {
  const found = new Map();
  for (const vuln of Object.values(report.vulnerabilities)) {
    for (const via of vuln?.via ?? []) {
      // A string names another vulnerable package, whose own entry carries the advisory.
      if (typeof via !== 'object' || via === null) continue;
      const key = advisoryKey(via.url ?? via.source);
      const fix = vuln.fixAvailable === true ? 'correctif disponible (npm audit fix)'
        : vuln.fixAvailable && typeof vuln.fixAvailable === 'object' ? `correctif : ${vuln.fixAvailable.name}@${vuln.fixAvailable.version}${vuln.fixAvailable.isSemVerMajor ? ' (version majeure)' : ''}`
          : 'pas de correctif publié';
      if (!found.has(key)) found.set(key, { key, package: via.dependency ?? via.name ?? vuln.name, severity: via.severity ?? vuln.severity, title: via.title ?? '', url: via.url ?? '', range: via.range ?? '', fix });
    }
  }
  return [...found.values()];
}

/** The exceptions, checked: each says which advisory, which package, why, and since when. */
function readExceptions() {
  let parsed;
  try {
    parsed = JSON.parse(readFileSync(exceptionsFile, 'utf8'));
  } catch (err) {
    fail([`audit : ${exceptionsFile} illisible (${err instanceof Error ? err.message : String(err)})`]);
  }
  const list = parsed?.exceptions;
  if (!Array.isArray(list)) fail([`audit : ${exceptionsFile} doit contenir {"exceptions": [...]}`]);
  const problems = [];
  list.forEach((e, i) => {
    for (const field of ['advisory', 'package', 'reason', 'date']) {
      if (typeof e?.[field] !== 'string' || e[field].trim() === '') problems.push(`exceptions[${i}].${field} manquant`);
    }
    if (typeof e?.date === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(e.date)) problems.push(`exceptions[${i}].date : AAAA-MM-JJ attendu`);
  });
  if (problems.length > 0) fail([`audit : ${exceptionsFile} mal formé :`, ...problems.map((p) => `  - ${p}`)]);
  return list.map((e) => ({ ...e, key: advisoryKey(e.advisory) }));
}

const exceptions = readExceptions();
const { report, unreachable } = auditReport();
if (unreachable !== undefined) {
  const lines = [
    'audit : IMPOSSIBLE d’interroger le service d’audit du registre npm — aucune vulnérabilité n’a été vérifiée.',
    `  cause : ${unreachable}`,
    '  Relancez avec un accès au registre (npm audit --omit=dev).',
  ];
  if (process.env.TREMPLIN_AUDIT_OFFLINE_OK === '1') {
    console.warn([...lines, '  TREMPLIN_AUDIT_OFFLINE_OK=1 : étape ignorée, À FAIRE AILLEURS.'].join('\n'));
    process.exit(0);
  }
  fail(lines);
}

const advisories = advisoriesOf(report);
const excepted = new Set(exceptions.map((e) => e.key));
const unexpected = advisories.filter((a) => !excepted.has(a.key));
const current = new Set(advisories.map((a) => a.key));
const stale = exceptions.filter((e) => !current.has(e.key));

const problems = [];
if (unexpected.length > 0) {
  problems.push(`audit : ${unexpected.length} avis de sécurité sur les dépendances livrées, sans exception écrite dans audit-exceptions.json :`);
  for (const a of unexpected) problems.push(`  - ${a.package} ${a.range} [${a.severity}] ${a.title} — ${a.url || a.key} — ${a.fix}`);
  problems.push('  Mettez à jour la dépendance, ou écrivez pourquoi l’avis ne s’applique pas (advisory, package, reason, date).');
}
if (stale.length > 0) {
  problems.push(`audit : ${stale.length} exception(s) qui ne correspondent plus à aucun avis : retirez-les d’audit-exceptions.json :`);
  for (const e of stale) problems.push(`  - ${e.advisory} (${e.package}, ${e.date})`);
}
if (problems.length > 0) fail(problems);

const deps = report.metadata?.dependencies?.prod ?? report.metadata?.dependencies?.total;
console.log(`audit : aucun avis de sécurité non traité${deps !== undefined ? ` (${deps} dépendances livrées)` : ''}${exceptions.length > 0 ? `, ${exceptions.length} exception(s) justifiée(s)` : ''}.`);
