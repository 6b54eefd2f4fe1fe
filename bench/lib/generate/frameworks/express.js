import { routeFile } from './common.js';

/**
 * `src/express/<id>.router.ts`: an `express.Router()` with verb registrations, an auth
 * middleware calling `next()`, and async handlers that forward errors to `next`.
 * @param {import('../random.js').Random} rnd
 * @param {import('../domain.js').Domain} d
 */
export function expressFile(rnd, d) {
  return routeFile(rnd, d, {
    root: '..',
    imports: ["import { Router, type NextFunction, type Request, type Response } from 'express';"],
    adapter: {
      param: 'req.params.id ?? ""',
      body: (T) => `req.body as ${T}Input`,
      query: (name) => `req.query.${name}`,
      ok: (expr) => `return res.json(${expr});`,
      created: (expr) => `return res.status(201).json(${expr});`,
      indent: '    ',
    },
    open: [
      'export const router = Router();',
      '',
      'router.use((req: Request, res: Response, next: NextFunction) => {',
      "  if (req.query.token === undefined) return res.status(401).json({ error: 'unauthorized' });",
      '  next();',
      '  return res;',
      '});',
      '',
    ],
    wrap: (route, path) => ({
      head: `router.${route.method.toLowerCase()}('${path}', async (req: Request, res: Response, next: NextFunction) => {\n  try {`,
      tail: '  } catch (error) {\n    next(error);\n    return res;\n  }\n});',
    }),
    close: [],
  });
}
