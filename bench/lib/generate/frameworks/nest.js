import { routeFile } from './common.js';
import { Writer } from '../writer.js';

/** Method parameters each action needs, with Nest parameter decorators. */
function params(route, T) {
  if (route.action === 'list') return "@Query('limit') limitParam?: string, @Query('offset') offsetParam?: string";
  if (route.action === 'create') return `@Body() body: ${T}Input`;
  if (route.action === 'get' || route.action === 'delete') return "@Param('id') id: string";
  return `@Param('id') id: string, @Body() body: ${T}Input`;
}

/**
 * `src/nest/<id>.controller.ts`: a `@Controller` class whose decorated methods call an injected
 * service through `this.service`.
 * @param {import('../random.js').Random} rnd
 * @param {import('../domain.js').Domain} d
 */
export function nestControllerFile(rnd, d) {
  const T = d.type;
  let n = 0;
  return routeFile(rnd, d, {
    root: '..',
    imports: ["import { Body, Controller, Delete, Get, Param, Post, Put, Query } from '@nestjs/common';"],
    serviceImport: `import { ${T}NestService } from './${d.id}.service.js';`,
    adapter: {
      svc: 'this.service',
      param: 'id',
      body: () => 'body',
      query: (name) => `${name}Param`,
      ok: (expr) => `return ${expr};`,
      created: (expr) => `return ${expr};`,
      indent: '    ',
    },
    open: [
      `@Controller('${d.plural}')`,
      `export class ${T}Controller {`,
      `  constructor(private readonly service: ${T}NestService) {}`,
      '',
    ],
    wrap: (route) => {
      n += 1;
      const deco = route.method[0] + route.method.slice(1).toLowerCase();
      const sub = route.suffix.replace(/^\//, '');
      return {
        head: `  @${deco}(${sub ? `'${sub}'` : ''})\n  async ${route.action}${n}(${params(route, T)}) {`,
        tail: '  }',
      };
    },
    close: ['}'],
  });
}

/**
 * `src/nest/<id>.service.ts`: the `@Injectable()` service the controller injects; it delegates
 * to the plain domain service.
 * @param {import('../domain.js').Domain} d
 */
export function nestServiceFile(d) {
  const T = d.type;
  const w = new Writer();
  w.line("import { Injectable } from '@nestjs/common';", `import * as svc from '../services/${d.id}.service.js';`);
  w.line(`import type { ${T}, ${T}Input } from '../models/${d.id}.model.js';`, '');
  w.line('@Injectable()', `export class ${T}NestService {`);
  const methods = [
    [`list${T}(limit: number, offset: number): Promise<${T}[]>`, `svc.list${T}(limit, offset)`],
    [`get${T}(id: string): Promise<${T}>`, `svc.get${T}(id)`],
    [`create${T}(input: ${T}Input): Promise<${T}>`, `svc.create${T}(input)`],
    [`update${T}(id: string, patch: Partial<${T}Input>): Promise<${T}>`, `svc.update${T}(id, patch)`],
    [`delete${T}(id: string): Promise<boolean>`, `svc.delete${T}(id)`],
    [`notify${T}(id: string): Promise<void>`, `svc.notify${T}(id)`],
    [`sync${T}ToCrm(item: ${T}): Promise<void>`, `svc.sync${T}ToCrm(item)`],
    [`reindex${T}(): Promise<number>`, `svc.reindex${T}()`],
  ];
  for (const [signature, call] of methods) w.line(`  ${signature} {`, `    return ${call};`, '  }', '');
  w.line('}');
  return w;
}
