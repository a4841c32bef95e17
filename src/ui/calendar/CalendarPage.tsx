// « Mon planning sur mon téléphone » (#/agenda), for a salarié (in FALC: one idea per sentence,
// common words) and for an ETI: create a private calendar address, copy it or scan its QR code,
// and follow the steps for iPhone or Android. The address is shown once, right after it is made
// (the server keeps only its digest); making a new one stops the old one, so that button asks
// first. Online only (client/calendar.ts): offline, the page says a connection is needed.
import { CalendarPlus, Check, Copy, RefreshCw, TriangleAlert, WifiOff } from 'lucide';
import { useState } from 'preact/hooks';
import { calendarErrorMessage, isCalendarOffline, type CalendarApi } from '../../client/calendar';
import { Icon } from '../icons/Icon';
import { useExternal } from '../shell/hooks/useExternal';
import { useServices } from '../shell/services';
import { QrCode } from './QrCode';
import { SubscribeSteps } from './SubscribeSteps';

interface Texts {
  title: string;
  intro: string[];
  secret: string;
}

const SALARIE: Texts = {
  title: 'Mon planning sur mon téléphone',
  intro: [
    'Vous pouvez voir votre planning dans l’agenda de votre téléphone.',
    'Vous voyez où vous travaillez et à quelle heure.',
    'Vous voyez aussi les consignes et les équipements de protection.',
  ],
  secret: 'Cette adresse est secrète. Ne la donnez à personne.',
};

const ETI: Texts = {
  title: 'Le planning de mes équipes sur mon téléphone',
  intro: [
    'L’agenda de votre téléphone peut s’abonner au planning de vos équipes : quatre semaines passées et huit semaines à venir.',
    'Chaque créneau montre le chantier, son adresse et qui y travaille (prénom et initiale). Rien du livret ni du diagnostic n’y figure.',
  ],
  secret: 'Cette adresse est personnelle : toute personne qui la connaît voit ce planning. Ne la partagez pas.',
};

export const OFFLINE_CALENDAR = 'Il faut une connexion internet pour créer l’adresse.';
export const REPLACES_OLD = 'Si vous aviez déjà une adresse, elle ne marchera plus.';

export function CalendarPage({ calendar }: { calendar: CalendarApi }) {
  const services = useServices();
  const user = useExternal(services.session);
  const sync = useExternal(services.sync);
  const [unreachable, setUnreachable] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const online = sync.online && !unreachable;
  const texts = user?.role === 'salarie' ? SALARIE : ETI;
  const falc = user?.role === 'salarie';

  async function create() {
    if (!online || busy) return;
    setBusy(true);
    setError(null);
    setCopied(null);
    try {
      const made = await calendar.createAddress();
      setUnreachable(false);
      setUrl(made.url);
      setConfirming(false);
    } catch (e) {
      if (isCalendarOffline(e)) setUnreachable(true);
      else setError(calendarErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (url === null) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard (an old browser, a page not in HTTPS): the address stays selectable.
      setCopied(false);
    }
  }

  return (
    <section class={falc ? 'falc calendar' : 'calendar'} aria-labelledby="calendar-title">
      <h2 id="calendar-title">{texts.title}</h2>
      {texts.intro.map((p) => <p key={p}>{p}</p>)}

      {!online && (
        <div class="banner warn" role="status">
          <p><Icon icon={WifiOff} /> {OFFLINE_CALENDAR}</p>
          {unreachable && <button type="button" class="secondary" onClick={() => setUnreachable(false)}>Réessayer</button>}
        </div>
      )}
      {error !== null && <p class="banner error" role="alert">{error}</p>}

      {url === null ? (
        <div class="actions">
          <button type="button" disabled={!online || busy} onClick={() => void create()}>
            <Icon icon={CalendarPlus} /> Créer mon adresse d’agenda
          </button>
          <p class="hint">{REPLACES_OLD}</p>
        </div>
      ) : (
        <>
          <div class="card calendar-address">
            <label for="calendar-url">Adresse de mon agenda</label>
            <input id="calendar-url" type="text" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
            <p>{texts.secret}</p>
            <div class="actions">
              <button type="button" onClick={() => void copy()}><Icon icon={copied === true ? Check : Copy} /> Copier l’adresse</button>
            </div>
            {copied === true && <p role="status">Adresse copiée.</p>}
            {copied === false && <p role="status">La copie n’a pas marché. Touchez l’adresse pour la sélectionner.</p>}
            <QrCode text={url} label="Code QR de l’adresse de l’agenda, à scanner avec le téléphone" />
          </div>
          <SubscribeSteps />
          {!confirming ? (
            <div class="actions">
              <button type="button" class="secondary" onClick={() => { setError(null); setConfirming(true); }}>
                <Icon icon={RefreshCw} /> Changer d’adresse
              </button>
            </div>
          ) : (
            <div class="card" role="group" aria-label="Changer d’adresse">
              <p><Icon icon={TriangleAlert} /> L’ancienne adresse ne marchera plus.</p>
              <p>Il faudra mettre la nouvelle adresse sur le téléphone.</p>
              <div class="actions">
                <button type="button" class="danger" disabled={!online || busy} onClick={() => void create()}>Oui, changer d’adresse</button>
                <button type="button" class="secondary" onClick={() => setConfirming(false)}>Annuler</button>
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}
