// Serves the built client (dist/) on the API's port: files as they are, any other GET outside
// /api falls back to index.html (client-side routes). index.html and the service worker are
// revalidated on every load so an update reaches the tablets; hashed assets are cached forever.
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.mp3': 'audio/mpeg',
  '.wasm': 'application/wasm',
};

async function fileAt(root: string, urlPath: string): Promise<string | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const full = resolve(join(root, decoded));
  if (full !== root && !full.startsWith(root + sep)) return null;
  try {
    const s = await stat(full);
    return s.isFile() ? full : null;
  } catch {
    return null;
  }
}

function cacheControl(urlPath: string): string {
  if (urlPath.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

export function serveDist(distDir: string): MiddlewareHandler {
  const root = resolve(distDir);
  return async (c, next) => {
    const path = c.req.path;
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || path === '/api' || path.startsWith('/api/')) return next();
    let file = path.endsWith('/') ? null : await fileAt(root, path);
    let servedPath = path;
    if (!file) {
      // Client-side routes fall back to the app; a missing asset (with an extension) is a 404.
      if (extname(path) !== '' && extname(path) !== '.html') return next();
      file = await fileAt(root, '/index.html');
      servedPath = '/index.html';
      if (!file) return next();
    }
    const body = await readFile(file);
    return c.body(body, 200, {
      'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Cache-Control': cacheControl(servedPath),
      'X-Content-Type-Options': 'nosniff',
    });
  };
}
