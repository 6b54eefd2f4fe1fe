/** Handlers declared in `settings.fleet.handlers` / `handlerFiles`; their paths read as Express paths. */
import type { FrameworkDefinition } from '../framework.js';
import { detectCustom } from './detector.js';

export const custom: FrameworkDefinition<'custom'> = {
  name: 'custom',
  title: 'declared in settings',
  detect: detectCustom,
  pathSyntax: 'express',
  answersBy: 'parameter',
  mayRoute: [],
  // The declared path as written.
  fullPaths: (route) =>
    route.pathComplete && route.path !== undefined ? { paths: [route.path] } : { reason: 'the route path is not a static string' },
  // Declared handlers (`settings.fleet.handlers`, `handlerFiles`) turn the model's pre-filter off.
};
