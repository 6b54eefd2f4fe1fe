/** Next.js: route handlers, `pages/api`, middleware and server actions, found by file convention. */
import type { FrameworkDefinition } from '../framework.js';
import { detectNextjs } from './detector.js';
import { classifyNextFile } from './next-file.js';
import { nextFullPaths } from './base-path.js';

export const nextjs: FrameworkDefinition<'nextjs'> = {
  name: 'nextjs',
  title: 'Next.js',
  detect: detectNextjs,
  pathSyntax: 'next',
  answersBy: 'return',
  mayRoute: [],
  mayDetect: (filename, text) => classifyNextFile(filename).kind !== 'other' || text.includes('next/server') || text.includes('use server'),
  routeFile: (filename) => classifyNextFile(filename).kind !== 'other',
  // The file's route under `basePath` of `next.config.*`.
  fullPaths: nextFullPaths,
};
