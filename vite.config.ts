// Vite builds the client (Preact PWA). The API is served by src/server on the same port in
// production; in `npm run dev` Vite proxies /api to a server started separately.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

// Shown on the device page so a tester can tell two builds apart; TREMPLIN_APP_VERSION
// overrides it (the update end-to-end test builds two versions).
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const appVersion = process.env['TREMPLIN_APP_VERSION'] ?? `${pkg.version} (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`;

/**
 * The modules the full app (src/ui/boot/fullApp.tsx) needs statically, less those the entry's
 * light sign-in already has: filled once the module graph is known, read by the `fullApp`
 * chunk group below. Without it, every module the home shares with a lazy screen became its
 * own little chunk (some 40 of them at the ETI's home, each a request and a gzip stream apart).
 */
const appModules = new Set<string>();
/** The modules of the light sign-in that the app shares (preact, the form…), main.tsx aside. */
const signInModules = new Set<string>();

/**
 * lucide's entry re-exports its ~2,000 icons: following its imports would count every icon a lazy
 * screen draws (the competence pictograms of the matrix, of the assignment panel…) as the app's,
 * and the group below would pull them into the app's chunk. An icon is the app's only when one of
 * the app's modules imports it by name.
 */
const LUCIDE_ENTRY = /[\\/]node_modules[\\/]lucide[\\/]dist[\\/]esm[\\/]lucide\.mjs$/;
/** `export { default as A, default as B } from './icons/a.mjs';` → A and B → that file's id. */
function reExportedDefaults(entryId: string, code: string): Map<string, string> {
  const byName = new Map<string, string>();
  for (const m of code.matchAll(/export \{([^}]*)\} from ['"](\.[^'"]+)['"]/g)) {
    for (const part of m[1]!.split(',')) {
      const name = /^\s*default as (\w+)\s*$/.exec(part)?.[1];
      if (name !== undefined) byName.set(name, resolve(dirname(entryId), m[2]!));
    }
  }
  return byName;
}
/** The names a module's (transformed) code imports from `lucide`: `import { A, B as C } from "lucide"`. */
function lucideImports(code: string): string[] {
  return [...code.matchAll(/import\s*\{([^}]*)\}\s*from\s*['"]lucide['"]/g)]
    .flatMap((m) => m[1]!.split(',').map((p) => p.trim().split(/\s+as\s+/)[0]!.trim()).filter((n) => n !== ''));
}

function appModuleGraph(): Plugin {
  return {
    name: 'tremplin-app-modules',
    apply: 'build',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const lucideEntry = ids.find((id) => LUCIDE_ENTRY.test(id));
      const icons = lucideEntry === undefined ? new Map<string, string>() : reExportedDefaults(lucideEntry, this.getModuleInfo(lucideEntry)?.code ?? '');
      const closure = (suffix: string): Set<string> => {
        const seen = new Set<string>();
        const start = ids.find((id) => id.replaceAll('\\', '/').endsWith(suffix));
        const todo = start === undefined ? [] : [start];
        for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
          if (seen.has(id)) continue;
          seen.add(id);
          if (id === lucideEntry) continue; // its icons come from their importers, by name (below)
          const info = this.getModuleInfo(id);
          todo.push(...(info?.importedIds ?? []));
          if (lucideEntry !== undefined && info?.importedIds.includes(lucideEntry) === true) {
            for (const name of lucideImports(info.code ?? '')) {
              const icon = icons.get(name);
              if (icon !== undefined) todo.push(icon);
            }
          }
        }
        return seen;
      };
      const entry = closure('/src/ui/main.tsx');
      appModules.clear();
      signInModules.clear();
      for (const id of closure('/src/ui/boot/fullApp.tsx')) {
        if (entry.has(id)) signInModules.add(id);
        else appModules.add(id);
      }
    },
  };
}

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(appVersion) },
  plugins: [
    preact(),
    appModuleGraph(),
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
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What the app needs for its first screen, in one chunk. A group takes its modules'
          // imports along, so the groups before it keep apart what must stay apart: Dexie and zod
          // (large, changing with their own releases), and what the light sign-in shares with
          // the app (preact, the form), which must not drag the app into the sign-in.
          groups: [
            { name: 'dexie', test: /node_modules[\\/]dexie[\\/]/, priority: 3 },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/, priority: 3 },
            { name: 'signIn', test: (id: string) => signInModules.has(id), priority: 2 },
            { name: 'fullApp', test: (id: string) => appModules.has(id), priority: 1 },
          ],
        },
      },
    },
  },
});
