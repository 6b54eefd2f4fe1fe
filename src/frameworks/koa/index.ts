/** Koa: `new Koa()` apps and `@koa/router` / `koa-router` routers with their `{ prefix }` or `router.prefix()`. */
import type { FrameworkDefinition } from '../framework.js';
import { detectKoa, VERBS } from './detector.js';

const ROUTERS = new Set(['@koa/router', 'koa-router']);

export const koa: FrameworkDefinition<'koa'> = {
  name: 'koa',
  title: 'Koa',
  detect: detectKoa,
  pathSyntax: 'koa',
  answersBy: 'parameter',
  mayRoute: ['koa'],
  // `koa`, `@koa/router`, `koa-router`, `koa-swagger-decorator`.
  creates: ({ specifier, name, member, whole }) => {
    if (specifier === 'koa') return !member && whole ? { kind: 'app' } : undefined;
    return ROUTERS.has(specifier) && (whole || name === 'Router') ? { kind: 'router', prefixOption: 'prefix' } : undefined;
  },
  // `router.prefix('/v1')` sets the router's prefix for every route on it, registered before or
  // after (the router rewrites the paths it holds), without the trailing `/` it strips.
  // `app.use(router.routes())`: the router's dispatch middleware mounts the router.
  dispatchMethods: ['routes', 'middleware'],
  prefixMethods: { setting: { methods: ['prefix'], value: (argument) => argument.replace(/\/$/, '') }, packages: [...ROUTERS] },
  // `app.use(router.routes())`, `router.use('/v1', api.routes())`; `app.use(mount('/api', api))` of koa-mount.
  mountMethods: [{ method: 'use', path: 'leading', child: 'rest' }],
  mountWrappers: ['koa-mount'],
  // `router.param('id', load)`; `allowedMethods()` builds the router's 405/501 middleware.
  registrationCalls: { verbs: [...VERBS], mounts: ['use'], handlerMethods: ['param', 'allowedMethods'] },
};
