/** Hono: `new Hono()` / `OpenAPIHono` apps and the objects their `basePath()` derives. */
import type { FrameworkDefinition } from '../framework.js';
import { detectHono, VERBS } from './detector.js';

const MODULES = new Set(['hono', 'hono/tiny', 'hono/quick', '@hono/zod-openapi']);

export const hono: FrameworkDefinition<'hono'> = {
  name: 'hono',
  title: 'Hono',
  detect: detectHono,
  pathSyntax: 'hono',
  answersBy: 'parameter',
  mayRoute: ['hono'],
  // `hono`, `hono/*`, `@hono/zod-openapi`.
  creates: ({ specifier, name }) => (MODULES.has(specifier) && (name === 'Hono' || name === 'OpenAPIHono') ? { kind: 'app' } : undefined),
  // `app.basePath('/v1')` returns a new app whose routes are under `/v1`; `app` itself keeps its own.
  prefixMethods: { deriving: ['basePath'], packages: [...MODULES] },
  // `app.route('/users', users)` mounts `users` at `/users`; `route({ ... })` is not a mount.
  mountMethods: [{ method: 'route', path: { argument: 0 }, child: 1, arity: 2 }],
  // `app.use(mw)`, `app.mount('/x', other.fetch)`; `app.route(...)`, `app.openapi(route, h)`.
  // `on(method, path, handler)` also takes a path and a handler.
  // `onError(h)`, `notFound(h)`, and hono/factory's `factory.createHandlers(...)` / `createMiddleware(h)`.
  registrationCalls: {
    verbs: [...VERBS, 'on'],
    mounts: ['use', 'mount'],
    routeObjects: ['route', 'openapi'],
    handlerMethods: ['onError', 'notFound', 'createHandlers', 'createMiddleware'],
  },
};
