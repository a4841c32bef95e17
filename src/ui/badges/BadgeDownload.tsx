// Download buttons for one issued badge: the signed Open Badges 3.0 credential as JSON and as a
// PNG with the credential baked in. The signature comes from the server (keys never reach a
// device), so these need a connection; offline they say so in French instead of failing silently.
// The salarié space uses it with `simple` (FALC sentences); the parcours page without.
import { useState } from 'preact/hooks';
import { Download, Image } from 'lucide';
import { NetworkError } from '../../client/api';
import { Icon } from '../icons/Icon';
import { useServices } from '../shell/services';
import { saveFile, fileSlug } from './saveFile';

export interface BadgeDownloadProps {
  badgeId: string;
  /** What the badge recognises, for the buttons' accessible names (« Télécharger le badge Maçonnerie »). */
  label: string;
  /** Larger buttons and FALC words on the salarié's screens. */
  simple?: boolean;
}

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; what: 'json' | 'png' } | { kind: 'error'; message: string };

function messageOf(e: unknown, simple: boolean): string {
  if (e instanceof NetworkError) {
    return simple
      ? 'Il faut Internet pour télécharger le badge. Réessayez plus tard.'
      : 'Pas de connexion : le badge est signé par le serveur, il se télécharge une fois la tablette connectée.';
  }
  const status = (e as { status?: unknown } | null)?.status;
  if (status === 404) {
    return simple
      ? 'Le badge n’est pas encore prêt. Réessayez après la synchronisation.'
      : 'Le serveur n’a pas encore ce badge : synchronisez la tablette, puis réessayez.';
  }
  return simple ? 'Le téléchargement n’a pas marché. Réessayez.' : 'Le téléchargement a échoué. Réessayez.';
}

export function BadgeDownload({ badgeId, label, simple = false }: BadgeDownloadProps) {
  const { credentials } = useServices();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const name = `badge-${fileSlug(label)}`;

  async function get(what: 'json' | 'png') {
    if (credentials === undefined) {
      setState({ kind: 'error', message: 'Le téléchargement des badges n’est pas disponible ici.' });
      return;
    }
    setState({ kind: 'busy' });
    try {
      if (what === 'json') {
        const credential = await credentials.credential(badgeId);
        saveFile(`${name}.json`, new Blob([JSON.stringify(credential, null, 2)], { type: 'application/json' }));
      } else {
        saveFile(`${name}.png`, await credentials.image(badgeId));
      }
      setState({ kind: 'done', what });
    } catch (e) {
      setState({ kind: 'error', message: messageOf(e, simple) });
    }
  }

  const busy = state.kind === 'busy';
  return (
    <div class={simple ? 'badge-download simple' : 'badge-download'}>
      <div class="actions">
        <button type="button" class={simple ? 'secondary big' : 'secondary'} disabled={busy} onClick={() => void get('json')}>
          <Icon icon={Download} /> Télécharger (JSON){' '}<span class="sr-only">le badge {label}</span>
        </button>
        <button type="button" class={simple ? 'secondary big' : 'secondary'} disabled={busy} onClick={() => void get('png')}>
          <Icon icon={Image} /> Télécharger l’image (PNG){' '}<span class="sr-only">du badge {label}</span>
        </button>
      </div>
      <p class="meta" role="status">
        {busy ? 'Téléchargement…' : state.kind === 'done' ? (simple ? 'Le badge est téléchargé.' : `Badge téléchargé (${state.what === 'json' ? 'JSON' : 'PNG'}).`) : ''}
      </p>
      {state.kind === 'error' && <p class="error-text" role="alert">{state.message}</p>}
    </div>
  );
}
