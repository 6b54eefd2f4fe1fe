/** Elysia (Bun): `new Elysia({ prefix })` instances, `group()` / `guard()` callbacks and `use()` plugins. */
import type { FrameworkDefinition } from '../framework.js';
import { detectElysia } from './detector.js';

export const elysia: FrameworkDefinition<'elysia'> = {
  name: 'elysia',
  title: 'Elysia',
  detect: detectElysia,
  // `:id`, `:id?`, `*`: Hono's syntax.
  pathSyntax: 'hono',
  mayRoute: ['elysia'],
  answersBy: 'return',
  creates: ({ specifier, name }) => (specifier === 'elysia' && name === 'Elysia' ? { kind: 'app', prefixOption: true } : undefined),
};
