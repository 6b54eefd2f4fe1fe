/** Fastify: `fastify()` instances and the plugins registered on them. */
import type { FrameworkDefinition } from '../framework.js';
import { detectFastify } from './detector.js';

export const fastify: FrameworkDefinition<'fastify'> = {
  name: 'fastify',
  title: 'Fastify',
  detect: detectFastify,
  pathSyntax: 'fastify',
  answersBy: 'parameter',
  mayRoute: ['fastify'],
  creates: ({ specifier, name, member, whole }) =>
    specifier === 'fastify' && !member && (whole || name === 'fastify' || name === 'Fastify') ? { kind: 'app' } : undefined,
};
