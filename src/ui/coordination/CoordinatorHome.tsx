// The coordination's home: what came in from the worksites for this reviewer (inbox/), and, when
// the tablet is idle, the matrix made ready, being the coordination's other daily screen. The
// inbox's parts live in inbox/ (filters, alerts à traiter with their follow-up, entries to read).
import { useEffect } from 'preact/hooks';
import { useServices } from '../shell/services';
import { ToDecide } from './board/ToDecide';
import { useExternal } from '../shell/hooks/useExternal';
import { onIdle } from '../shell/hooks/onIdle';
import { isoDay } from '../shell/format';
import { prepareMatrix } from '../competences/matrixAhead';
import { Inbox } from './inbox/Inbox';

export function CoordinatorHome() {
  const services = useServices();
  const { queries } = services;
  const user = useExternal(services.session);
  // The matrix is the coordination's other daily screen: ready when the tablet is idle.
  const userId = user?.id;
  useEffect(() => {
    if (userId === undefined) return;
    let alive = true;
    const cancel = onIdle(() => void prepareMatrix(queries, userId, isoDay(services.now()), () => alive));
    return () => { alive = false; cancel(); };
  }, [queries, userId]);
  if (user === undefined) return null;
  return (
    <>
      <ToDecide />
      <Inbox user={user} />
    </>
  );
}
