// Shared by « Comptes » and « Tablettes »: these screens work only online (client/admin.ts), so
// they need to know when the server cannot be reached — the tablet says it is offline, or the
// last call found no server — and to try again when the connection comes back.
import { useCallback, useState } from 'preact/hooks';
import { formatDistanceStrict } from 'date-fns';
import { fr } from 'date-fns/locale';
import { isOffline } from '../../../client/admin';
import { useServices } from '../../shell/services';
import { useExternal } from '../../shell/hooks/useExternal';

export interface AdminConnection {
  /** False while offline: the screen says a connection is needed and keeps what was typed. */
  online: boolean;
  /** Runs an online call: true when it succeeded; false when offline, or refused (onError says why). */
  run(call: () => Promise<void>, onError: (e: unknown) => void): Promise<boolean>;
}

export function useAdminConnection(): AdminConnection {
  const services = useServices();
  const sync = useExternal(services.sync);
  const [unreachable, setUnreachable] = useState(false);
  const run = useCallback(async (call: () => Promise<void>, onError: (e: unknown) => void): Promise<boolean> => {
    try {
      await call();
      setUnreachable(false);
      return true;
    } catch (e) {
      if (isOffline(e)) setUnreachable(true);
      else onError(e);
      return false;
    }
  }, []);
  return { online: sync.online && !unreachable, run };
}

/** « il y a 3 jours », relative to the screen's clock (services.now, fixed in tests). */
export function frenchSince(iso: string, now: Date): string {
  return formatDistanceStrict(new Date(iso), now, { locale: fr, addSuffix: true, roundingMethod: 'floor' });
}
