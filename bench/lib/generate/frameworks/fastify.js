import { routeFile } from './common.js';

/**
 * `src/fastify/<id>.plugin.ts`: a `fastify-plugin` wrapped async plugin using verb shorthands
 * and `route({ method, url, handler })`, alternating per route.
 * @param {import('../random.js').Random} rnd
 * @param {import('../domain.js').Domain} d
 */
export function fastifyFile(rnd, d) {
  let n = 0;
  return routeFile(rnd, d, {
    root: '..',
    imports: ["import fp from 'fastify-plugin';", "import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';"],
    adapter: {
      param: '(request.params as { id: string }).id',
      body: (T) => `request.body as ${T}Input`,
      query: (name) => `(request.query as Record<string, string | undefined>).${name}`,
      ok: (expr) => `return ${expr};`,
      created: (expr) => `return reply.code(201).send(${expr});`,
      indent: '      ',
    },
    open: [`async function ${d.id}Routes(app: FastifyInstance): Promise<void> {`],
    wrap: (route, path) => {
      n += 1;
      if (n % 2 === 0) {
        return {
          head: `  app.route({\n    method: '${route.method}',\n    url: '${path}',\n    handler: async (request: FastifyRequest, reply: FastifyReply) => {`,
          tail: '    },\n  });',
        };
      }
      return {
        head: `  app.${route.method.toLowerCase()}('${path}', async (request: FastifyRequest, reply: FastifyReply) => {`,
        tail: '  });',
      };
    },
    close: ['}', '', `export default fp(${d.id}Routes);`],
  });
}
