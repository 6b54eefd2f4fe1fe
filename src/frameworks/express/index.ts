/** Express: `express()` apps and `express.Router()` / `Router()` routers. */
import type { FrameworkDefinition } from '../framework.js';
import { detectExpress, VERBS } from './detector.js';

export const express: FrameworkDefinition<'express'> = {
  name: 'express',
  title: 'Express',
  detect: detectExpress,
  pathSyntax: 'express',
  answersBy: 'parameter',
  mayRoute: ['express'],
  creates: ({ specifier, name, member, whole }) => {
    if (specifier !== 'express') return undefined;
    if (!member && whole) return { kind: 'app' };
    return name === 'Router' ? { kind: 'router' } : undefined;
  },
  // `app.use('/api', api)`, `app.use(auth, [users, orders])`: every argument after an optional path.
  mountMethods: [{ method: 'use', path: 'leading', child: 'rest' }],
  // `param('id', loadUser)`: a parameter callback runs as middleware.
  registrationCalls: { verbs: [...VERBS], mounts: ['use'], handlerMethods: ['param'] },
};
