/**
 * Handlers registered by another module: a controller method, middleware or middleware factory
 * exported here and registered elsewhere (`this.router.post('/libraries',
 * LibraryController.create.bind(this))` in a router module, `app.use(rateLimit())`). Each such
 * function is a handler of the registering framework, as sure as the registration is, with no
 * route of its own in this module: the route belongs to the registering module's inventory.
 */
import path from 'node:path';
import { mayExport } from '../modules/summarise-module.js';
import { packageRoot } from '../routes/package-root.js';
import type { DetectContext } from './detector.js';
import { exportedFunctions } from './exported-functions.js';
import type { ModelBuilder } from './export-registrations.js';
import { exportRegistrations } from './export-registrations.js';
import { composedRegistrations } from './composed-registrations.js';
import type { ImportRegistration } from './import-registrations.js';
import type { FleetSettings } from '../settings.js';
import { makeHandler } from './make-handler.js';
import type { HandlerFinding } from './types.js';

/**
 * The handlers of `ctx`'s module that other modules of its package register: the package is the
 * nearest folder with a `package.json` between the module and `projectRoot` (absolute), so a
 * monorepo's lookups stay in one package. `modelOf` builds the registering modules' models
 * (without cross-module lookups).
 */
export function registeredHandlers(ctx: DetectContext, projectRoot: string, modelOf: ModelBuilder): HandlerFinding[] {
  const filename = ctx.filename;
  const handlers: HandlerFinding[] = [];
  for (const registration of registrationsOfExports(filename, ctx.text, projectRoot, ctx.settings, modelOf)) {
    const label =
      registration.methods === undefined
        ? `middleware ${registration.handlerName}`
        : (registration.routeLabel ?? `${registration.methods.join(',')} ${registration.path ?? '<unknown path>'}`);
    for (const node of exportedFunctions(ctx.ast, ctx.scopeManager, registration.name, registration.members, registration.calls)) {
      handlers.push(
        makeHandler({
          node,
          framework: registration.framework,
          kind: registration.kind,
          confidence: registration.confidence,
          via: registration.via,
          label,
          filename,
        }),
      );
    }
  }
  return handlers;
}

/**
 * The registrations, in other modules of its package, of the exports of the module at `filename`
 * (see `registeredHandlers`); needs no syntax tree of the module, only its text (when known).
 */
export function registrationsOfExports(
  filename: string,
  text: string | undefined,
  projectRoot: string,
  settings: FleetSettings,
  modelOf: ModelBuilder,
): ImportRegistration[] {
  const relative = path.relative(projectRoot, filename);
  if (!path.isAbsolute(filename) || relative.startsWith('..') || path.isAbsolute(relative) || (text !== undefined && !mayExport(text)))
    return [];
  const root = packageRoot(filename, projectRoot);
  return [...exportRegistrations(filename, root, settings, modelOf), ...composedRegistrations(filename, text, root, settings, modelOf)];
}
