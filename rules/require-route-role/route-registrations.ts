import type { TSESTree } from '@typescript-eslint/utils';
import type { HandlerModel } from '../../src/handlers/types.js';

/**
 * The nodes that register the file's routes, once each, in source order: those answered by a
 * function of the module and those whose handler is elsewhere (`Ctl.create.bind(this)`).
 * `app.get('/x', auth, handler)` is one route with two handler functions.
 */
export function routeRegistrations(model: HandlerModel): TSESTree.Node[] {
  const registrations = new Set<TSESTree.Node>();
  for (const handler of model.handlers) if (handler.kind === 'route' && handler.route) registrations.add(handler.route.registration);
  for (const external of model.externalRoutes) registrations.add(external.route.registration);
  return [...registrations].sort((a, b) => a.range[0] - b.range[0]);
}
