// Every API request may say which protocol version it speaks (X-Tremplin-Protocol); an older
// one than the server still speaks gets 426 so the app offers its update. No header = current.
import type { MiddlewareHandler } from 'hono';
import { MIN_PROTOCOL_VERSION, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../sync/protocol';
import type { ServerClock } from '../sync/clock';

export const SERVER_HLC_HEADER = 'X-Tremplin-Server-Hlc';

/** Read by other software (a phone's calendar subscription), which knows nothing of the protocol. */
const PUBLIC_PATHS = /^\/api\/calendar\//;

export function protocolGuard(clock: ServerClock): MiddlewareHandler {
  return async (c, next) => {
    if (PUBLIC_PATHS.test(c.req.path)) return next();
    const sent = c.req.header(PROTOCOL_HEADER);
    if (sent !== undefined) {
      const v = sent.trim();
      // An unreadable version is answered like an old one (the app's only way out is its update),
      // but the message says which it was: « too old » would mislead whoever reads the log.
      const readable = /^\d{1,6}$/.test(v);
      if (!readable || Number(v) < MIN_PROTOCOL_VERSION) {
        c.header(PROTOCOL_HEADER, String(PROTOCOL_VERSION));
        c.header(SERVER_HLC_HEADER, clock.tick());
        const message = readable
          ? 'version de l’application trop ancienne : mettez-la à jour'
          : `en-tête ${PROTOCOL_HEADER} illisible : un numéro de version est attendu (mettez l’application à jour)`;
        return c.json({ error: 'protocol_unsupported', message }, 426);
      }
    }
    await next();
    c.res.headers.set(PROTOCOL_HEADER, String(PROTOCOL_VERSION));
    c.res.headers.set(SERVER_HLC_HEADER, clock.tick());
  };
}
