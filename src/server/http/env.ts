// The Hono environment shared by all routes: the signed-in session set by the auth middleware.
import type { UserInfo } from '../sync/scope';

export interface Session {
  deviceId: string;
  user: UserInfo;
}

export interface AppEnv {
  Variables: { session: Session };
}
