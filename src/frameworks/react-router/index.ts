/** React Router 7 (framework mode) and Remix: `loader` / `action` exports of `app/routes/**` route modules. */
import type { FrameworkDefinition } from '../framework.js';
import { detectReactRouter } from './detector.js';
import { routeModulePath } from './file.js';

export const reactRouter: FrameworkDefinition<'react-router'> = {
  name: 'react-router',
  title: 'React Router 7 / Remix',
  detect: detectReactRouter,
  answersBy: 'return',
  // `/users/:id`, `/files/*`, `/:lang?/about`: written in Express syntax by `routeModulePath`.
  pathSyntax: 'express',
  mayRoute: [],
  // Its detector reads route files only.
  routeFile: (filename) => routeModulePath(filename) !== null,
};
