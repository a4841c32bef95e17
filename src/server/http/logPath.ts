// The request path as the server's log may show it: a calendar address is a secret (whoever
// holds it reads a planning), so it never reaches a log line.
export function loggedPath(path: string): string {
  return path.replace(/^\/api\/calendar\/[^/]*/, '/api/calendar/…');
}
