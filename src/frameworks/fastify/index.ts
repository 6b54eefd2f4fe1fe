/** Fastify: `fastify()` instances and the plugins registered on them. */
import type { FrameworkDefinition } from '../framework.js';
import { detectFastify, VERBS } from './detector.js';
import { mayExportPlugin } from './exports.js';
import { startScriptRoots } from './script-roots.js';

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
  // `app.register(plugin, { prefix: '/v1' })`: the plugin function gets the child instance as parameter 0.
  mountMethods: [{ method: 'register', path: { argument: 1, option: 'prefix' }, child: 0, receiverParam: 0 }],
  // `register(fp(plugin))`: fastify-plugin's routes join the registering context, without the prefix.
  contextSharingWrappers: ['fastify-plugin'],
  // `fastify start app.js` (fastify-cli) registers the file's default-exported plugin on the root.
  scriptRoots: startScriptRoots,
  // `register(plugin)`; `route({ method, url, handler })`, and `method`, which the filter has always counted.
  // `addHook('onRequest', h)`, `setErrorHandler(h)`, `setNotFoundHandler(h)`.
  registrationCalls: {
    verbs: [...VERBS],
    mounts: ['register'],
    routeObjects: ['route', 'method'],
    handlerMethods: ['addHook', 'setErrorHandler', 'setNotFoundHandler'],
  },
};
