// @vitest-environment jsdom
// The badge screens: downloading a signed badge (JSON, PNG; offline says why), the parcours'
// badge list (who sees the issue buttons, a competence and a whole activity), and the public
// verification page (a JSON or PNG file, dropped or chosen; verified or not, and why).
import 'fake-indexeddb/auto';
import encode from 'png-chunks-encode';
import { encodeSync } from 'png-chunk-itxt';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { ApiError, NetworkError } from '../../../src/client/api';
import type { CredentialsApi, VerifyAnswer } from '../../../src/client/credentials';
import { BadgeDownload } from '../../../src/ui/badges/BadgeDownload';
import { VerifyPage } from '../../../src/ui/badges/VerifyPage';
import { BadgeList } from '../../../src/ui/competences/BadgeList';
import type { Competence } from '../../../src/client/queries/matrix';
import { STRUCTURE_ID } from '../services';
import { COORDINATOR, ETI, W, evaluate, mount, seedWorld } from '../competences/world';

const CREDENTIAL = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'https://tremplin.example/api/issuers/s1', type: ['Profile'], name: 'Les Jardins du Tremplin' },
  validFrom: '2026-11-20T10:00:00Z',
  credentialSubject: {
    type: ['AchievementSubject'],
    identifier: [{ type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: 'Amina Diallo' }],
    achievement: { type: ['Achievement'], name: 'Tondre une pelouse', description: 'À la tondeuse', criteria: { narrative: 'Niveau atteint : Acquis (fait seul).' } },
  },
  evidence: [{ type: ['Evidence'], name: 'Évaluation du 2026-11-01', description: 'Tondre une pelouse — niveau 3' }],
  proof: [{ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', verificationMethod: 'https://tremplin.example/api/issuers/s1#key-1', proofValue: 'z1' }],
};

let saved: Blob[] = [];
beforeEach(() => {
  saved = [];
  URL.createObjectURL = vi.fn((b: Blob) => { saved.push(b); return 'blob:x'; });
  URL.revokeObjectURL = vi.fn();
});
afterEach(cleanup);

function fakeCredentials(over: Partial<CredentialsApi> = {}): CredentialsApi {
  return {
    credential: vi.fn(async () => CREDENTIAL),
    image: vi.fn(async () => new Blob([new Uint8Array([0x89, 0x50])], { type: 'image/png' })),
    verify: vi.fn(async () => ({ verified: true, problems: [] })),
    ...over,
  };
}

describe('BadgeDownload', () => {
  it('downloads the signed credential as JSON and the baked PNG', async () => {
    const credentials = fakeCredentials();
    mount(COORDINATOR, <BadgeDownload badgeId="b1" label="Tondre une pelouse" />, () => ({ credentials }));
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger (JSON) le badge Tondre une pelouse' }));
    await screen.findByText('Badge téléchargé (JSON).');
    expect(credentials.credential).toHaveBeenCalledWith('b1');
    expect(JSON.parse(await saved[0]!.text())).toEqual(CREDENTIAL);
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger l’image (PNG) du badge Tondre une pelouse' }));
    await screen.findByText('Badge téléchargé (PNG).');
    expect(saved[1]!.type).toBe('image/png');
  });

  it('says a connection is needed when offline, in FALC words on the salarié’s screen', async () => {
    const credentials = fakeCredentials({ credential: vi.fn(async () => { throw new NetworkError(); }) });
    mount(COORDINATOR, <BadgeDownload badgeId="b1" label="Tondre une pelouse" simple />, () => ({ credentials }));
    fireEvent.click(screen.getByRole('button', { name: /Télécharger \(JSON\)/ }));
    expect((await screen.findByRole('alert')).textContent).toBe('Il faut Internet pour télécharger le badge. Réessayez plus tard.');
    expect(saved).toEqual([]);
  });

  it('says the server does not hold the badge yet (404), before a sync', async () => {
    const credentials = fakeCredentials({ image: vi.fn(async () => { throw new ApiError(404, { error: 'not_found' }); }) });
    mount(COORDINATOR, <BadgeDownload badgeId="b1" label="Tondre une pelouse" />, () => ({ credentials }));
    fireEvent.click(screen.getByRole('button', { name: /Télécharger l’image/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('synchronisez la tablette');
  });
});

describe('BadgeList on the parcours', () => {
  const competences = (): Competence[] => [
    { id: W.tonte, activityId: W.activity, label: 'Tondre une pelouse', description: null, kind: 'technique', pictogram: null, romeCode: null, safetyCritical: null },
    { id: W.epi, activityId: W.activity, label: 'Porter les EPI', description: null, kind: 'securite', pictogram: null, romeCode: null, safetyCritical: true },
    { id: W.haie, activityId: W.activity, label: 'Tailler une haie', description: null, kind: 'technique', pictogram: null, romeCode: null, safetyCritical: true },
  ];
  const list = (user: typeof ETI) => <BadgeList salarieId={W.sal1} user={user} cells={undefined} competences={competences()} />;

  it('the coordination issues a badge for an acquired competence, then for the whole activity', async () => {
    const { services } = mount(COORDINATOR, list(COORDINATOR), () => ({ credentials: fakeCredentials() }));
    await seedWorld(services);
    await evaluate(services, W.sal1, W.tonte, 3, 'production', '2026-11-01');
    await evaluate(services, W.sal1, W.epi, 4, 'afest', '2026-11-02');
    await evaluate(services, W.sal1, W.haie, 2, 'production', '2026-11-03');
    // A self-assessment never makes a badge.
    await evaluate(services, W.sal1, W.haie, 4, 'self', '2026-11-04');
    fireEvent.click(await screen.findByRole('button', { name: 'Délivrer le badge « Tondre une pelouse »' }));
    await screen.findByTestId('badge');
    expect(screen.queryByRole('button', { name: 'Délivrer le badge « Tailler une haie »' })).toBeNull();
    expect(screen.queryByRole('button', { name: /de l’activité/ })).toBeNull();
    expect(await services.db.table('badge').toArray()).toEqual([expect.objectContaining({ salarieId: W.sal1, competenceId: W.tonte, issuerId: W.coordinator, issuedOn: '2026-11-20' })]);
    const row = screen.getByTestId('badge');
    expect(within(row).getByRole('button', { name: /Télécharger \(JSON\)/ })).toBeTruthy();

    await evaluate(services, W.sal1, W.haie, 3, 'production', '2026-11-10');
    fireEvent.click(await screen.findByRole('button', { name: 'Délivrer le badge de l’activité « Entretien des espaces verts »' }));
    await waitFor(() => expect(screen.getAllByTestId('badge')).toHaveLength(2));
    expect(screen.getAllByTestId('badge').map((b) => b.querySelector('p')?.textContent)).toEqual(expect.arrayContaining([
      expect.stringContaining('Tondre une pelouse'), expect.stringContaining('Activité « Entretien des espaces verts »'),
    ]));
    const stored = await services.db.table('badge').toArray() as { activityId?: string; competenceId?: string }[];
    expect(stored.filter((b) => b.activityId === W.activity && b.competenceId === undefined)).toHaveLength(1);
  });

  it('an ETI sees the issue buttons only when the structure allows it', async () => {
    const { services } = mount(ETI, list(ETI));
    await seedWorld(services);
    await services.write('structure', STRUCTURE_ID, { structureId: STRUCTURE_ID, name: 'Les Jardins', type: 'ACI' });
    await evaluate(services, W.sal1, W.tonte, 3, 'production', '2026-11-01');
    await screen.findByText('Des compétences sont acquises : la coordination peut délivrer les badges.');
    expect(screen.queryByRole('button', { name: /Délivrer/ })).toBeNull();
    await services.write('structure', STRUCTURE_ID, { etiMayIssueBadges: true });
    expect(await screen.findByRole('button', { name: 'Délivrer le badge « Tondre une pelouse »' })).toBeTruthy();
  });
});

describe('VerifyPage (public)', () => {
  const file = (parts: BlobPart[], name: string, type: string) => new File(parts, name, { type });
  const choose = (f: File) => fireEvent.change(screen.getByLabelText(/Fichier du badge/), { target: { files: [f] } });
  const bakedPng = (text: string) => new Uint8Array(encode([
    { name: 'IHDR', data: new Uint8Array([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]) },
    { name: 'iTXt', data: encodeSync({ keyword: 'openbadgecredential', compressionFlag: false, compressionMethod: 0, languageTag: '', translatedKeyword: '', text }) },
    { name: 'IEND', data: new Uint8Array(0) },
  ]));

  it('shows a verified JSON badge: who, what, issuer, date', async () => {
    const verify = vi.fn(async (): Promise<VerifyAnswer> => ({ verified: true, problems: [] }));
    render(<VerifyPage verify={verify} />);
    choose(file([JSON.stringify(CREDENTIAL)], 'badge.json', 'application/json'));
    const result = await screen.findByTestId('verify-result');
    expect(within(result).getByRole('heading', { name: 'Badge vérifié' })).toBeTruthy();
    expect(result.textContent).toContain('Amina Diallo');
    expect(result.textContent).toContain('Tondre une pelouse');
    expect(result.textContent).toContain('Les Jardins du Tremplin');
    expect(result.textContent).toContain('20 novembre 2026');
    expect(verify).toHaveBeenCalledWith(CREDENTIAL);
  });

  it('reads the credential baked in a dropped PNG, and lists why it does not verify', async () => {
    const verify = vi.fn(async (): Promise<VerifyAnswer> => ({ verified: false, problems: ['La signature ne correspond pas au contenu.'] }));
    render(<VerifyPage verify={verify} />);
    fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [file([bakedPng(JSON.stringify(CREDENTIAL))], 'badge.png', 'image/png')] } });
    const result = await screen.findByTestId('verify-result');
    expect(within(result).getByRole('heading', { name: 'Badge non vérifié' })).toBeTruthy();
    expect(within(result).getByRole('alert').textContent).toContain('La signature ne correspond pas au contenu.');
    expect(result.textContent).toContain('Amina Diallo');
    expect(verify).toHaveBeenCalledWith(CREDENTIAL);
  });

  it('says when a file holds no badge, and when the server cannot be reached', async () => {
    const verify = vi.fn(async (): Promise<VerifyAnswer> => { throw new NetworkError(); });
    render(<VerifyPage verify={verify} />);
    choose(file([bakedPng('x').slice(0, 8), new Uint8Array([0, 0, 0, 0, 73, 69, 78, 68, 0, 0, 0, 0])], 'photo.png', 'image/png'));
    expect((await screen.findByRole('alert')).textContent).toContain('ne contient pas de badge');
    choose(file(['pas un badge'], 'notes.txt', 'text/plain'));
    expect((await screen.findByRole('alert')).textContent).toContain('n’est pas un badge lisible');
    choose(file([JSON.stringify(CREDENTIAL)], 'badge.json', 'application/json'));
    expect((await screen.findByText(/Pas de connexion/)).textContent).toContain('la vérification a besoin du serveur');
    expect(verify).toHaveBeenCalledTimes(1);
  });
});
