/** Nitro (Nuxt's server engine, h3 handlers): `server/api`, `server/routes` and `server/middleware` files. */
import type { FrameworkDefinition } from '../framework.js';
import { detectNitro } from './detector.js';
import { classifyNitroFile } from './file.js';

export const nitro: FrameworkDefinition<'nitro'> = {
  name: 'nitro',
  title: 'Nitro (Nuxt)',
  detect: detectNitro,
  answersBy: 'return',
  // `[id]`, `[...slug]`: the bracket syntax Next.js uses too.
  pathSyntax: 'next',
  mayRoute: [],
  // Its detector reads route files only.
  routeFile: (filename) => classifyNitroFile(filename).kind !== 'other',
};
