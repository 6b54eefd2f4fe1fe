/** Medusa (v2): `GET`, `POST`, ... exports of `src/api/**\/route.ts` files. */
import type { FrameworkDefinition } from '../framework.js';
import { detectMedusa } from './detector.js';
import { medusaRoutePath } from './detector.js';

export const medusa: FrameworkDefinition<'medusa'> = {
  name: 'medusa',
  title: 'Medusa',
  detect: detectMedusa,
  // `(req, res)`: `res.json()` answers, as in Express.
  answersBy: 'parameter',
  // `[id]` folders: the bracket syntax Next.js uses too.
  pathSyntax: 'next',
  mayRoute: [],
  // Its detector reads route files only.
  routeFile: (filename) => medusaRoutePath(filename) !== undefined,
};
