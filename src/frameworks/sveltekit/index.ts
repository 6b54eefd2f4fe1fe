/** SvelteKit: `+server` endpoints, `+page.server` form actions and the `handle` hook, found by file convention. */
import type { FrameworkDefinition } from '../framework.js';
import { detectSvelteKit } from './detector.js';
import { classifySvelteKitFile } from './file.js';

export const sveltekit: FrameworkDefinition<'sveltekit'> = {
  name: 'sveltekit',
  title: 'SvelteKit',
  detect: detectSvelteKit,
  answersBy: 'return',
  // `[id]`, `[...rest]`, `(group)`: the folder syntax Next.js uses too.
  pathSyntax: 'next',
  mayRoute: [],
  // Its detector reads route files only.
  routeFile: (filename) => classifySvelteKitFile(filename).kind !== 'other',
};
