// Lint: typescript-eslint's recommended rules plus the layer rules that keep the architecture
// honest — the domain is pure (no UI, storage or network), sync is shared by client and server.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const uiStorageNetwork = [
  { group: ['preact', 'preact/*', '@preact/*'], message: 'Le domaine ne dépend pas de l’UI.' },
  { group: ['dexie', 'dexie/*', 'fake-indexeddb', 'fake-indexeddb/*'], message: 'Le domaine ne dépend pas du stockage.' },
  { group: ['hono', 'hono/*', '@hono/*', 'pg', '@electric-sql/*', 'node:*', 'workbox-*', 'zustand', 'zustand/*'], message: 'Le domaine ne dépend ni du réseau ni du serveur.' },
  { group: ['**/client/**', '**/ui/**', '**/server/**', '../client/*', '../ui/*', '../server/*'], message: 'Le domaine ne dépend d’aucune couche supérieure.' },
];

export default tseslint.config(
  { ignores: ['.tmp-*', '.bench-tmp*', 'dist/**', 'node_modules/**', 'data/**', 'dev-dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/domain/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: uiStorageNetwork }] },
  },
  {
    files: ['src/sync/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['preact', 'preact/*', 'dexie', 'hono', 'hono/*', 'pg', '@electric-sql/*', 'node:*'], message: 'src/sync est partagé par le client et le serveur : pas de dépendance de plateforme.' },
          { group: ['**/client/**', '**/ui/**', '**/server/**', '../client/*', '../ui/*', '../server/*'], message: 'src/sync ne dépend que du domaine.' },
        ],
      }],
    },
  },
  {
    files: ['src/client/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**', '../server/*', '**/ui/**', '../ui/*'], message: 'Le client ne dépend ni du serveur ni de l’UI.' }] }] },
  },
  {
    // The screens read through the typed queries (client/queries) and write through the
    // repository's API in their Services: never Dexie, the device database or the server.
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['dexie', 'dexie/*'], message: 'L’UI lit par client/queries et écrit par le dépôt : jamais Dexie.' },
          { group: ['**/client/db', '**/client/db.ts'], message: 'L’UI lit par client/queries et écrit par le dépôt : jamais la base de l’appareil.' },
          { group: ['**/server/**', '../server/*'], message: 'L’UI ne dépend pas du serveur.' },
        ],
      }],
    },
  },
  {
    files: ['src/server/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/client/**', '../client/*', '**/ui/**', '../ui/*', 'preact', 'dexie'], message: 'Le serveur ne dépend ni du client ni de l’UI.' }] }] },
  },
);
