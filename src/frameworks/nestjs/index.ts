/** NestJS: decorated controllers, middleware, guards, interceptors and filters. */
import type { FrameworkDefinition } from '../framework.js';
import { detectNestjs } from './detector.js';

export const nestjs: FrameworkDefinition<'nestjs'> = {
  name: 'nestjs',
  title: 'NestJS',
  detect: detectNestjs,
  pathSyntax: 'nestjs',
  answersBy: 'return',
  mayRoute: ['@nestjs'],
};
