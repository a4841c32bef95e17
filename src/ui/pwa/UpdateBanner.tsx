// Shown when the server no longer speaks this version's protocol: the data is safe on the
// tablet, the app must be updated before it can sync again.
import { useServices } from '../shell/services';
import { useExternal } from '../shell/hooks/useExternal';

export function UpdateBanner() {
  const s = useExternal(useServices().sync);
  if (!s.updateRequired) return null;
  return (
    <div class="banner warn" role="alert">
      Une nouvelle version de Tremplin est nécessaire pour synchroniser. Vos saisies restent sur la
      tablette. <button type="button" onClick={() => globalThis.location.reload()}>Mettre à jour</button>
    </div>
  );
}
