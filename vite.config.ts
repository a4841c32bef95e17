// Vite builds the client (Preact PWA). The API is served by src/server on the same port in
// production; in `npm run dev` Vite proxies /api to a server started separately.
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

// Shown on the device page so a tester can tell two builds apart; TREMPLIN_APP_VERSION
// overrides it (the update end-to-end test builds two versions).
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const appVersion = process.env['TREMPLIN_APP_VERSION'] ?? `${pkg.version} (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`;

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  plugins: [
    preact(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // The icons are already in globPatterns: listing them twice would bloat the precache list.
      includeManifestIcons: false,
      manifest: {
        name: 'Tremplin — suivi de chantier d’insertion',
        short_name: 'Tremplin',
        lang: 'fr',
        description: 'Planning, compétences et livret de suivi des salariés en insertion, même hors connexion.',
        theme_color: '#1d4e89',
        background_color: '#ffffff',
        display: 'standalone',
        orientation: 'any',
        id: '/',
        scope: '/',
        start_url: '/',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//],
        // The first install takes over the open page, so route chunks load from the cache even
        // before the first reload; an update still waits for the user (registerType 'prompt').
        clientsClaim: true,
        skipWaiting: false,
        cleanupOutdatedCaches: true,
        // Data lives in IndexedDB: an API answer from a cache would be a lie, so none is cached.
        runtimeCaching: [],
      },
    }),
  ],
  server: { proxy: { '/api': 'http://localhost:8080' } },
  build: { target: 'es2022', sourcemap: false },
});
