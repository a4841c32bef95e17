// « Vérifier un badge » (#/verifier), public: an employer drops or chooses a badge file — the
// JSON credential, or the PNG with it baked in (read here, in the browser: domain/badges/
// pngCredential.ts) — and sees whose badge it is, what it recognises, who issued it and when,
// and whether it verifies (POST /api/credentials/verify: the server holds the issuers' keys).
// Needs no session and no Services: the verification call is injectable for tests.
import { useState } from 'preact/hooks';
import { Award, ShieldCheck, ShieldX, Upload } from 'lucide';
import { NetworkError } from '../../client/api';
import { verifyPublicly, type VerifyAnswer } from '../../client/credentials';
import { readBakedCredential } from '../../domain/badges/pngCredential';
import { badgeSummary, type BadgeSummary } from '../../domain/badges/summary';
import { Icon } from '../icons/Icon';
import { longDate } from '../shell/format';

export interface VerifyPageProps {
  verify?: (body: unknown) => Promise<VerifyAnswer>;
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'unreadable'; message: string }
  | { kind: 'checked'; fileName: string; summary: BadgeSummary | null; answer: VerifyAnswer | null; error: string | null };

const PNG_START = [0x89, 0x50, 0x4e, 0x47];

/** The file's badge: a parsed JSON credential, a JWT string, or why it cannot be read. */
async function badgeOf(file: File): Promise<{ ok: true; body: unknown; json: unknown | null } | { ok: false; message: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let textContent: string;
  if (PNG_START.every((b, i) => bytes[i] === b)) {
    const baked = readBakedCredential(bytes);
    if (!baked.ok) {
      return { ok: false, message: baked.reason === 'no_credential' ? 'Cette image ne contient pas de badge (aucun badge « openbadgecredential » dedans).' : 'Cette image n’a pas pu être lue.' };
    }
    textContent = baked.text;
  } else {
    textContent = new TextDecoder('utf-8').decode(bytes);
  }
  const trimmed = textContent.trim();
  if (/^eyJ[\w-]*\.[\w-]*\.[\w-]*$/.test(trimmed)) return { ok: true, body: { jwt: trimmed }, json: null };
  try {
    return { ok: true, body: JSON.parse(trimmed) as unknown, json: JSON.parse(trimmed) as unknown };
  } catch {
    return { ok: false, message: 'Ce fichier n’est pas un badge lisible : choisissez le fichier JSON ou l’image PNG du badge.' };
  }
}

function dateText(iso: string | null): string | null {
  if (iso === null || !/^\d{4}-\d{2}-\d{2}/.test(iso)) return iso;
  return longDate(iso.slice(0, 10));
}

export function VerifyPage({ verify = (body) => verifyPublicly(body) }: VerifyPageProps) {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);

  async function check(file: File | undefined) {
    if (file === undefined) return;
    setOutcome({ kind: 'reading' });
    const read = await badgeOf(file);
    if (!read.ok) {
      setOutcome({ kind: 'unreadable', message: read.message });
      return;
    }
    const summary = read.json === null ? null : badgeSummary(read.json);
    try {
      const answer = await verify(read.body);
      setOutcome({ kind: 'checked', fileName: file.name, summary, answer, error: null });
    } catch (e) {
      const error = e instanceof NetworkError
        ? 'Pas de connexion : la vérification a besoin du serveur. Réessayez une fois connecté.'
        : (e as { status?: unknown } | null)?.status === 400
          ? 'Ce fichier n’a pas la forme d’un badge Open Badges 3.0.'
          : 'La vérification a échoué. Réessayez.';
      setOutcome({ kind: 'checked', fileName: file.name, summary, answer: null, error });
    }
  }

  return (
    <main class="verify-page" aria-labelledby="verify-title">
      <h1 id="verify-title"><Icon icon={Award} /> Vérifier un badge</h1>
      <p>
        Un salarié vous a remis un badge de compétence (Open Badges 3.0) délivré par sa structure d’insertion ?
        Déposez son fichier ici, l’image PNG ou le fichier JSON : vous verrez ce qu’il atteste et s’il est authentique.
      </p>
      <div
        class={dragging ? 'drop-zone dragging' : 'drop-zone'}
        data-testid="drop-zone"
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => { e.preventDefault(); setDragging(false); void check(e.dataTransfer?.files[0]); }}
      >
        <label for="badge-file"><Icon icon={Upload} /> Fichier du badge (PNG ou JSON)</label>
        <input
          id="badge-file"
          type="file"
          accept=".png,.json,image/png,application/json,application/ld+json"
          onChange={(e) => void check((e.currentTarget as HTMLInputElement).files?.[0])}
        />
      </div>

      {outcome.kind === 'reading' && <p role="status">Lecture du badge…</p>}
      {outcome.kind === 'unreadable' && <p class="error-text" role="alert">{outcome.message}</p>}
      {outcome.kind === 'checked' && (
        <section aria-labelledby="verify-result" data-testid="verify-result">
          <h2 id="verify-result">
            {outcome.answer?.verified === true
              ? <><Icon icon={ShieldCheck} /> Badge vérifié</>
              : <><Icon icon={ShieldX} /> Badge non vérifié</>}
          </h2>
          {outcome.answer?.verified === true && <p role="status">La signature est valide : ce badge a bien été délivré par cette structure et n’a pas été modifié.</p>}
          {outcome.answer !== null && !outcome.answer.verified && (
            <div role="alert">
              <p>Ne vous fiez pas à ce badge :</p>
              <ul>{outcome.answer.problems.map((p) => <li key={p}>{p}</li>)}</ul>
            </div>
          )}
          {outcome.error !== null && <p class="error-text" role="alert">{outcome.error}</p>}
          {outcome.summary !== null && (
            <dl class="badge-summary">
              <dt>Délivré à</dt><dd>{outcome.summary.recipient ?? 'non indiqué'}</dd>
              <dt>Compétence reconnue</dt><dd>{outcome.summary.achievement ?? 'non indiquée'}</dd>
              {outcome.summary.description !== null && <><dt>Description</dt><dd>{outcome.summary.description}</dd></>}
              {outcome.summary.criteria !== null && <><dt>Critères</dt><dd>{outcome.summary.criteria}</dd></>}
              <dt>Délivré par</dt><dd>{outcome.summary.issuer ?? outcome.summary.issuerId ?? 'non indiqué'}</dd>
              <dt>Depuis le</dt><dd>{dateText(outcome.summary.validFrom) ?? 'non indiqué'}</dd>
              {outcome.summary.evidence.length > 0 && (
                <>
                  <dt>Évaluations</dt>
                  <dd><ul>{outcome.summary.evidence.map((e, i) => <li key={i}>{[e.name, e.description].filter((x) => x !== null).join(' : ')}</li>)}</ul></dd>
                </>
              )}
            </dl>
          )}
          <p class="meta">Fichier : {outcome.fileName}</p>
        </section>
      )}
    </main>
  );
}
