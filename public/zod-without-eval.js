// Zod compiles fast object parsers with `new Function`, and to know whether it may, it tries one
// as soon as the first object schema is built. Under the server's Content-Security-Policy (no
// 'unsafe-eval') that try is refused — zod then parses without compiling, as it must anyway —
// but the browser reports the refusal as a CSP violation on every load. `jitless` skips the try:
// same parsing, no false alarm. It has to be set before any schema exists, which a module of the
// bundle cannot promise (the bundler runs shared chunks first), so this is a classic script that
// index.html runs before the app; zod reads its global config from globalThis.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
