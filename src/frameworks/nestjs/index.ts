/** NestJS: decorated controllers, middleware, guards, interceptors and filters. */
import type { FrameworkDefinition } from '../framework.js';
import { readAppCall, GLOBAL_PREFIX, VERSIONING } from './app-calls.js';
import { CONTROLLER, detectNestjs } from './detector.js';
import { nestFullPaths } from './full-path.js';

export const nestjs: FrameworkDefinition<'nestjs'> = {
  name: 'nestjs',
  title: 'NestJS',
  detect: detectNestjs,
  pathSyntax: 'nestjs',
  answersBy: 'return',
  mayRoute: ['@nestjs'],
  // `app.setGlobalPrefix('api', { exclude })` and URI `app.enableVersioning()` in the bootstrap
  // file: `full-path.ts` puts them in front of every controller route of the package.
  fullPaths: nestFullPaths,
  appCalls: { methods: [GLOBAL_PREFIX, VERSIONING], read: readAppCall },
  registrationCalls: { classDecorators: [CONTROLLER] },
};
