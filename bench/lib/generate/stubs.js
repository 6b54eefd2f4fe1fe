/**
 * The synthetic project's `tsconfig.json` and ambient module stubs. The stubs stand in for the
 * frameworks' own type packages (not installed in the synthetic tree) so that type-aware runs see
 * real promise types for our own code and `any` only at framework boundaries.
 */
export const tsconfig = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    experimentalDecorators: true,
    emitDecoratorMetadata: false,
    skipLibCheck: true,
    noEmit: true,
    lib: ['ES2022', 'DOM'],
    types: [],
  },
  include: ['src', 'app', 'pages', 'types'],
};

export const frameworkStubs = `// Minimal ambient stubs for the frameworks the synthetic backend imports.
declare const process: { env: Record<string, string | undefined>; stdout: { write(s: string): boolean } };
declare function setImmediate(fn: (...args: unknown[]) => void): unknown;

declare module 'pg' {
  export class Pool {
    constructor(options: { connectionString?: string });
    query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  }
}
declare module 'express' {
  export interface Request { params: Record<string, string>; query: Record<string, string | undefined>; body: unknown }
  export interface Response { status(code: number): Response; json(body: unknown): Response; end(): Response }
  export type NextFunction = (error?: unknown) => void;
  export interface Router {
    get(path: string, ...handlers: ((req: Request, res: Response, next: NextFunction) => unknown)[]): Router;
    post(path: string, ...handlers: ((req: Request, res: Response, next: NextFunction) => unknown)[]): Router;
    put(path: string, ...handlers: ((req: Request, res: Response, next: NextFunction) => unknown)[]): Router;
    delete(path: string, ...handlers: ((req: Request, res: Response, next: NextFunction) => unknown)[]): Router;
    use(...handlers: unknown[]): Router;
  }
  export function Router(): Router;
  interface Express extends Router { listen(port: number): void }
  function express(): Express;
  export default express;
}
declare module 'fastify' {
  export interface FastifyRequest { params: unknown; query: unknown; body: unknown }
  export interface FastifyReply { code(status: number): FastifyReply; send(body?: unknown): FastifyReply }
  type Handler = (request: FastifyRequest, reply: FastifyReply) => unknown;
  export interface FastifyInstance {
    get(path: string, handler: Handler): void;
    post(path: string, handler: Handler): void;
    put(path: string, handler: Handler): void;
    delete(path: string, handler: Handler): void;
    route(options: { method: string | string[]; url: string; handler: Handler; preHandler?: Handler }): void;
    addHook(name: string, hook: Handler): void;
    register(plugin: unknown, options?: { prefix?: string }): FastifyInstance;
    listen(options: { port: number }): Promise<string>;
  }
  export default function Fastify(options?: { logger?: boolean }): FastifyInstance;
  export type FastifyPluginAsync = (instance: FastifyInstance, options: Record<string, unknown>) => Promise<void>;
}
declare module 'fastify-plugin' {
  export default function fp<T>(plugin: T): T;
}
declare module '@koa/router' {
  export interface Context { params: Record<string, string>; query: Record<string, string | undefined>; request: { body: unknown }; status: number; body: unknown }
  type Middleware = (ctx: Context, next: () => Promise<void>) => unknown;
  export default class Router {
    constructor(options?: { prefix?: string });
    get(path: string, ...handlers: Middleware[]): Router;
    post(path: string, ...handlers: Middleware[]): Router;
    put(path: string, ...handlers: Middleware[]): Router;
    delete(path: string, ...handlers: Middleware[]): Router;
    use(...handlers: Middleware[]): Router;
    routes(): unknown;
    allowedMethods(): unknown;
  }
}
declare module 'koa' {
  export default class Koa {
    use(middleware: unknown): Koa;
    listen(port: number): unknown;
  }
}
declare module 'hono' {
  export interface Context {
    req: { param(name: string): string; query(name: string): string | undefined; json<T>(): Promise<T> };
    json(body: unknown, status?: number): Response;
  }
  type Handler = (c: Context, next: () => Promise<void>) => unknown;
  export class Hono {
    get(path: string, ...handlers: Handler[]): Hono;
    post(path: string, ...handlers: Handler[]): Hono;
    put(path: string, ...handlers: Handler[]): Hono;
    delete(path: string, ...handlers: Handler[]): Hono;
    use(path: string, ...handlers: Handler[]): Hono;
    route(path: string, app: Hono): Hono;
  }
}
declare module '@nestjs/common' {
  type Deco = (...args: any[]) => any;
  export function Controller(prefix?: string): Deco;
  export function Injectable(): Deco;
  export function Get(path?: string): Deco;
  export function Post(path?: string): Deco;
  export function Put(path?: string): Deco;
  export function Delete(path?: string): Deco;
  export function Param(name: string): Deco;
  export function Body(): Deco;
  export function Query(name: string): Deco;
  export function HttpCode(code: number): Deco;
}
declare module 'next/server' {
  export class NextResponse extends Response {
    static json(body: unknown, init?: { status?: number }): NextResponse;
  }
  export function after(task: () => unknown): void;
}
declare module 'next' {
  export interface NextApiRequest { method?: string; query: Record<string, string | string[] | undefined>; body: unknown }
  export interface NextApiResponse { status(code: number): NextApiResponse; json(body: unknown): void; end(): void; setHeader(name: string, value: string): void }
}
declare module 'next/cache' {
  export function revalidatePath(path: string): void;
}
declare module 'bullmq' {
  export class Queue {
    constructor(name: string, options?: { connection?: unknown });
    add(name: string, data: unknown): Promise<{ id?: string }>;
  }
}
declare module 'fleet-runtime' {
  export interface TaskRequest<P> { name: string; payload: P }
  export function defineTask<P>(name: string): (payload: P) => TaskRequest<P>;
  export function enqueue<P>(task: TaskRequest<P>): Promise<{ id: string }>;
}
`;
