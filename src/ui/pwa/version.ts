// The build's version (package version + build time, or TREMPLIN_APP_VERSION), injected by
// Vite's `define` so a tester or a coordinator can tell two builds apart on the device page.
declare const __APP_VERSION__: string | undefined;

export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
