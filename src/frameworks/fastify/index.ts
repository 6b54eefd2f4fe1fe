/** Fastify: `fastify()` instances and the plugins registered on them. */
import type { FrameworkDefinition } from '../framework.js';
import { detectFastify } from './detector.js';
import { mayExportPlugin } from './exports.js';

export const fastify: FrameworkDefinition<'fastify'> = {
  name: 'fastify',
  title: 'Fastify',
  detect: detectFastify,
  pathSyntax: 'fastify',
  answersBy: 'parameter',
  mayRoute: ['fastify'],
  mayDetect: (_filename, text) => text.includes('fastify') || mayExportPlugin(text),
  creates: ({ specifier, name, member, whole }) =>
    specifier === 'fastify' && !member && (whole || name === 'fastify' || name === 'Fastify') ? { kind: 'app' } : undefined,
};
