// The name this browser gives itself when signing in, so the coordination can tell tablets
// apart in its device list; the device page shows the same name.
export function guessDeviceName(): string {
  const ua = globalThis.navigator?.userAgent ?? '';
  if (/iPad|Tablet|Android/i.test(ua)) return 'Tablette';
  return 'Navigateur';
}
