import { describe, expect, it } from 'vitest';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { detectNestjs } from '../../src/frameworks/nestjs/detector.js';
import { getHandlerModel } from '../../src/handlers/model.js';
import { readFleetSettings } from '../../src/settings.js';
import type { HandlerFinding } from '../../src/handlers/types.js';
import { parse, runDetector } from './parse.js';

function detect(code: string, settings?: unknown): HandlerFinding[] {
  return runDetector(detectNestjs, code, '/repo/src/users/users.controller.ts', settings);
}

/** What a test cares about: kind, label, route, confidence, and the handler's first source line. */
function summary(handlers: HandlerFinding[], code: string) {
  return handlers.map((handler) => ({
    kind: handler.kind,
    label: handler.label,
    confidence: handler.confidence,
    route: handler.route && { methods: handler.route.methods, path: handler.route.path, pathComplete: handler.route.pathComplete },
    line: code.slice(handler.node.range[0], handler.node.range[1]).split('\n')[0],
  }));
}

describe('detectNestjs: controllers', () => {
  it('finds the route methods of a realistic controller, not its constructor or helpers', () => {
    const code = `import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, UseGuards } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { AuthGuard } from '@nestjs/passport';
import { UsersService } from './users.service';
import { CreateUserDto } from './dto/create-user.dto';

@Controller('users')
@UseGuards(AuthGuard('jwt'))
export class UsersController {
  constructor(private readonly usersService: UsersService) {}

  @Get()
  findAll() {
    return this.usersService.findAll();
  }

  @Get(':id')
  findOne(@Param('id', ParseIntPipe) id: number) {
    return this.usersService.findOne(id);
  }

  @Post()
  @HttpCode(202)
  async create(@Body() dto: CreateUserDto) {
    return this.usersService.create(dto);
  }

  @Delete('/:id/')
  remove(@Param('id') id: string) {
    return this.usersService.remove(id);
  }

  @Cron('0 * * * *')
  cleanup() {}

  private toView(user: unknown) { return user; }
}
`;
    expect(summary(detect(code), code)).toEqual([
      {
        kind: 'route',
        label: 'GET /users',
        confidence: 'certain',
        route: { methods: ['GET'], path: '/users', pathComplete: true },
        line: '() {',
      },
      {
        kind: 'route',
        label: 'GET /users/:id',
        confidence: 'certain',
        route: { methods: ['GET'], path: '/users/:id', pathComplete: true },
        line: "(@Param('id', ParseIntPipe) id: number) {",
      },
      {
        kind: 'route',
        label: 'POST /users',
        confidence: 'certain',
        route: { methods: ['POST'], path: '/users', pathComplete: true },
        line: '(@Body() dto: CreateUserDto) {',
      },
      {
        kind: 'route',
        label: 'DELETE /users/:id',
        confidence: 'certain',
        route: { methods: ['DELETE'], path: '/users/:id', pathComplete: true },
        line: "(@Param('id') id: string) {",
      },
    ]);
  });

  it('resolves aliased and namespace imports, options objects and constant prefixes', () => {
    const code = `import * as common from '@nestjs/common';
import { Controller as Ctrl, Put as HttpPut, All, Sse } from '@nestjs/common';
const PREFIX = 'billing/invoices';

@common.Controller({ path: PREFIX, version: '1' })
export class InvoicesController {
  @common.Patch(':id') update() {}
  @HttpPut(\`:id/lines\`) replace() {}
}

@Ctrl()
export class RootController {
  @All('*') fallback() {}
  @Sse('events') events() {}
}
`;
    expect(summary(detect(code), code).map(({ label, route }) => ({ label, route }))).toEqual([
      { label: 'PATCH /billing/invoices/:id', route: { methods: ['PATCH'], path: '/billing/invoices/:id', pathComplete: true } },
      { label: 'PUT /billing/invoices/:id/lines', route: { methods: ['PUT'], path: '/billing/invoices/:id/lines', pathComplete: true } },
      { label: '* /*', route: { methods: ['*'], path: '/*', pathComplete: true } },
      { label: 'GET /events', route: { methods: ['GET'], path: '/events', pathComplete: true } },
    ]);
  });

  it('takes the first of several paths and marks the route incomplete', () => {
    const code = `import { Controller, Get } from '@nestjs/common';
@Controller(['accounts', 'users'])
export class AccountsController {
  @Get(['me', 'self']) me() {}
}
`;
    expect(summary(detect(code), code)[0]?.route).toEqual({ methods: ['GET'], path: '/accounts/me', pathComplete: false });
  });

  it('keeps the method path when the prefix is not a constant', () => {
    const code = `import { Controller, Get } from '@nestjs/common';
import { ROUTES } from './routes';
@Controller(ROUTES.users)
export class UsersController {
  @Get('profile') profile() {}
  @Get(ROUTES.list) list() {}
}
`;
    expect(summary(detect(code), code).map(({ label, route }) => ({ label, route }))).toEqual([
      { label: 'GET /profile', route: { methods: ['GET'], path: '/profile', pathComplete: false } },
      { label: 'GET UsersController.list', route: { methods: ['GET'], path: undefined, pathComplete: false } },
    ]);
  });

  it('counts route methods of a base class without @Controller as routes with an incomplete path', () => {
    const code = `import { Get, Param } from '@nestjs/common';
export abstract class CrudController<T> {
  @Get(':id') findOne(@Param('id') id: string) { return id; }
}
`;
    expect(summary(detect(code), code)).toEqual([
      {
        kind: 'route',
        label: 'GET /:id',
        confidence: 'certain',
        route: { methods: ['GET'], path: '/:id', pathComplete: false },
        line: "(@Param('id') id: string) { return id; }",
      },
    ]);
  });

  it('ignores look-alike decorators from other packages and non-HTTP handlers', () => {
    const code = `import { Controller, Injectable } from '@nestjs/common';
import { MessagePattern, EventPattern } from '@nestjs/microservices';
import { OnEvent } from '@nestjs/event-emitter';
import { Interval } from '@nestjs/schedule';
import { Get } from 'routing-controllers';

@Controller()
export class MathController {
  @MessagePattern({ cmd: 'sum' }) sum(data: number[]) { return data.length; }
  @EventPattern('user_created') created() {}
  @Get('/x') notNest() {}
}

@Injectable()
export class UsersService {
  @OnEvent('order.created') onOrder() {}
  @Interval(1000) tick() {}
  onModuleInit() {}
  findAll() { return []; }
}
`;
    expect(detect(code)).toEqual([]);
  });

  it('bails out on files that import nothing from NestJS', () => {
    const code = `import { Controller, Get } from 'some-other-framework';\n@Controller('a') class A { @Get() b() {} }\n`;
    expect(detect(code)).toEqual([]);
  });
});

describe('detectNestjs: middleware, guards, interceptors, filters', () => {
  it('finds the per-request method of each pipeline class', () => {
    const code = `import {
  ArgumentsHost, CallHandler, CanActivate, Catch, ExceptionFilter, ExecutionContext,
  HttpException, Injectable, NestInterceptor, NestMiddleware,
} from '@nestjs/common';
import type { Request, Response, NextFunction } from 'express';
import { Observable, tap } from 'rxjs';

@Injectable()
export class LoggerMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction) { next(); }
}

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: unknown) {}
  canActivate(context: ExecutionContext): boolean { return true; }
}

@Injectable()
export class TimingInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> { return next.handle().pipe(tap(() => {})); }
}

@Catch(HttpException)
export class HttpErrorFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost) { host.switchToHttp(); }
}
`;
    expect(summary(detect(code), code)).toEqual([
      {
        kind: 'middleware',
        label: 'LoggerMiddleware.use',
        confidence: 'certain',
        route: undefined,
        line: '(req: Request, res: Response, next: NextFunction) { next(); }',
      },
      {
        kind: 'middleware',
        label: 'RolesGuard.canActivate',
        confidence: 'certain',
        route: undefined,
        line: '(context: ExecutionContext): boolean { return true; }',
      },
      {
        kind: 'middleware',
        label: 'TimingInterceptor.intercept',
        confidence: 'certain',
        route: undefined,
        line: '(context: ExecutionContext, next: CallHandler): Observable<unknown> { return next.handle().pipe(tap(() => {})); }',
      },
      {
        kind: 'middleware',
        label: 'HttpErrorFilter.catch',
        confidence: 'certain',
        route: undefined,
        line: '(exception: HttpException, host: ArgumentsHost) { host.switchToHttp(); }',
      },
    ]);
  });

  it('recognises guards, filters and Passport strategies that extend Nest base classes', () => {
    const code = `import { ExecutionContext, Injectable, Catch } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { BaseExceptionFilter } from '@nestjs/core';
import { Strategy } from 'passport-jwt';

@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  canActivate(context: ExecutionContext) { return super.canActivate(context); }
  handleRequest(err: unknown, user: unknown) { return user; }
}

@Catch()
export class AllExceptionsFilter extends BaseExceptionFilter {
  catch(exception: unknown, host: unknown) { super.catch(exception, host as never); }
}

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor() { super({ secretOrKey: 'k' }); }
  async validate(payload: { sub: string }) { return { id: payload.sub }; }
}
`;
    expect(summary(detect(code), code).map(({ label, confidence }) => ({ label, confidence }))).toEqual([
      { label: 'JwtAuthGuard.canActivate', confidence: 'certain' },
      { label: 'AllExceptionsFilter.catch', confidence: 'certain' },
      { label: 'JwtStrategy.validate', confidence: 'certain' },
    ]);
  });

  it('recognises an Injectable guard without implements as a heuristic, switchable off', () => {
    const code = `import { Injectable } from '@nestjs/common';
@Injectable()
export class ApiKeyGuard {
  canActivate(context) { return context.switchToHttp().getRequest().headers['x-api-key'] === 'k'; }
}
`;
    expect(summary(detect(code), code).map(({ label, confidence }) => ({ label, confidence }))).toEqual([
      { label: 'ApiKeyGuard.canActivate', confidence: 'heuristic' },
    ]);
    expect(detect(code, { heuristics: false })).toEqual([]);
  });
});

describe('detectNestjs: edge cases', () => {
  it('resolves interfaces imported with `import type` and ignores a low-arity `use` on a service', () => {
    const code = `import { Injectable } from '@nestjs/common';
import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';

@Injectable()
export class CacheInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler) { return next.handle(); }
}

@Injectable()
export class PluginService {
  use(plugin: string) { return plugin; }
}
`;
    expect(summary(detect(code), code).map(({ label, confidence }) => ({ label, confidence }))).toEqual([
      { label: 'CacheInterceptor.intercept', confidence: 'certain' },
    ]);
  });

  it('merges two route decorators on one method into one route', () => {
    const code = `import { Controller, Get, Head } from '@nestjs/common';
@Controller('health')
export class HealthController {
  @Get()
  @Head()
  check() { return 'ok'; }
}
`;
    expect(summary(detect(code), code)).toEqual([
      {
        kind: 'route',
        label: 'GET, HEAD /health',
        confidence: 'certain',
        route: { methods: ['GET', 'HEAD'], path: '/health', pathComplete: true },
        line: "() { return 'ok'; }",
      },
    ]);
  });
});

describe('NestJS through getHandlerModel', () => {
  it('puts a statement of a route method inside the Nest route handler', () => {
    const text = `import { Controller, Post, Body } from '@nestjs/common';
@Controller('reports')
export class ReportsController {
  @Post()
  create(@Body() body: unknown) {
    void this.render(body);
    return { accepted: true };
  }
  private async render(body: unknown) {}
}
`;
    const { ast, scopeManager } = parse(text, 'src/reports/reports.controller.ts');
    const model = getHandlerModel({
      ast,
      scopeManager,
      filename: 'src/reports/reports.controller.ts',
      settings: readFleetSettings(undefined),
      text,
    });
    expect(model.handlers.map((handler) => `${handler.framework} ${handler.label}`)).toEqual(['nestjs POST /reports']);
    const method = model.handlers[0]!.node;
    if (method.body.type !== AST_NODE_TYPES.BlockStatement) throw new Error('expected a method body');
    const voidStatement = method.body.body[0]!;
    expect(model.reachesOf(voidStatement).map((reach) => ({ label: reach.handler.label, chain: reach.chain }))).toEqual([
      { label: 'POST /reports', chain: [] },
    ]);
    expect(model.handlerOf(method)?.route?.path).toBe('/reports');
  });

  it('keeps a controller method with express-typed @Req/@Res parameters a Nest route, once', () => {
    const text = `import { Controller, Get, Req, Res, Version, VERSION_NEUTRAL } from '@nestjs/common';
import type { Request, Response } from 'express';

@Controller('auth')
export class AuthController {
  @Get('google/callback')
  @Version(VERSION_NEUTRAL)
  callback(@Req() request: Request, @Res() response: Response) {
    response.redirect('/');
  }
}
export function plain(req: Request, res: Response) {}
`;
    const { ast, scopeManager } = parse(text, 'src/auth/auth.controller.ts');
    const model = getHandlerModel({
      ast,
      scopeManager,
      filename: 'src/auth/auth.controller.ts',
      settings: readFleetSettings(undefined),
      text,
    });
    expect(model.handlers.map((handler) => `${handler.framework} ${handler.kind} ${handler.label}`)).toEqual([
      'nestjs route GET /auth/google/callback',
      'express route route plain',
    ]);
  });
});
