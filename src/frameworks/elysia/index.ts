/** Elysia (Bun): `new Elysia({ prefix })` instances, `group()` / `guard()` callbacks and `use()` plugins. */
import type { FrameworkDefinition } from '../framework.js';
import { unwrap } from '../../ast/unwrap.js';
import { isFunctionNode } from '../../ast/function-node.js';
import { detectElysia, HOOKS, VERBS } from './detector.js';

export const elysia: FrameworkDefinition<'elysia'> = {
  name: 'elysia',
  title: 'Elysia',
  detect: detectElysia,
  // `:id`, `:id?`, `*`: Hono's syntax.
  pathSyntax: 'hono',
  mayRoute: ['elysia'],
  answersBy: 'return',
  mounts: {
    packages: ['elysia'],
    // `group('/p', [hook,] (app) => ...)`, `guard(hook, (app) => ...)`, `use((app) => ...)`.
    of: (method, [first, second, third]) => {
      if (method === 'group' && first && second) return { child: third ?? second, prefix: first };
      if (method === 'guard' && second) return { child: second, prefix: '' };
      if (method === 'use' && first && isFunctionNode(unwrap(first))) return { child: first, prefix: '' };
      return undefined;
    },
  },
  // `use(plugin)`, `group('/p', (app) => ...)`, `guard(hook, (app) => ...)`; `route(method, path, h)`, `ws('/x', { message })`.
  // Lifecycle hooks (`onBeforeHandle(h)`, `derive(fn)`) and `onError(h)`.
  registrationCalls: {
    verbs: [...VERBS],
    mounts: ['use', 'group', 'guard'],
    routeObjects: ['route', 'ws'],
    handlerMethods: [...HOOKS, 'onError'],
  },
  creates: ({ specifier, name }) => (specifier === 'elysia' && name === 'Elysia' ? { kind: 'app', prefixOption: 'prefix' } : undefined),
};
