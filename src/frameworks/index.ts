/**
 * The framework registry: one line per folder under `src/frameworks/`. Everything that lists
 * frameworks reads it: the `Framework` type, `settings.fleet.frameworks`, the detector order
 * (registry order, then the heuristic), the inventory's path syntax and full paths, the module
 * facts' app and router creation, mounts and app calls, and the `fleet routes` pre-filter.
 * `test/frameworks/registry.test.ts` fails for a folder that is not listed here, and for a
 * framework package or method named in `src/routes/`.
 */
import type { FrameworkDefinition, RegistrationCalls } from './framework.js';
import { custom } from './custom/index.js';
import { elysia } from './elysia/index.js';
import { express } from './express/index.js';
import { fastify } from './fastify/index.js';
import { graphql } from './graphql/index.js';
import { hono } from './hono/index.js';
import { koa } from './koa/index.js';
import { medusa } from './medusa/index.js';
import { nestjs } from './nestjs/index.js';
import { nextjs } from './nextjs/index.js';
import { nitro } from './nitro/index.js';
import { reactRouter } from './react-router/index.js';
import { sveltekit } from './sveltekit/index.js';
import { trpc } from './trpc/index.js';

export const FRAMEWORKS = [
  express,
  fastify,
  koa,
  hono,
  nestjs,
  nextjs,
  elysia,
  trpc,
  graphql,
  sveltekit,
  nitro,
  reactRouter,
  medusa,
  custom,
] as const;

/** The framework a handler belongs to; `custom` = declared in `settings.fleet`. */
export type Framework = (typeof FRAMEWORKS)[number]['name'];

/** Every framework name, registry order. */
export const FRAMEWORK_NAMES: readonly Framework[] = FRAMEWORKS.map((framework) => framework.name);

const byName = new Map<string, (typeof FRAMEWORKS)[number]>(FRAMEWORKS.map((framework) => [framework.name, framework]));

/** The registered framework called `name`. */
export function frameworkNamed(name: Framework): (typeof FRAMEWORKS)[number] {
  return byName.get(name)!;
}

/** Whether `framework`'s detector could find anything in this module: its own `mayDetect`, else a `mayRoute` word in the text or a route file's path. */
export function mayDetectFramework(framework: FrameworkDefinition, filename: string, text: string): boolean {
  if (framework.mayDetect) return framework.mayDetect(filename, text);
  return framework.mayRoute.some((word) => text.includes(word)) || framework.routeFile?.(filename) === true;
}

/** Every registered framework's `registrationCalls[field]`, as one set. */
export function declaredCalls(field: keyof RegistrationCalls): ReadonlySet<string> {
  return new Set((FRAMEWORKS as readonly FrameworkDefinition[]).flatMap((framework) => framework.registrationCalls?.[field] ?? []));
}

let registering: { methods: ReadonlySet<string>; call: RegExp; words: readonly string[] } | undefined;

/** Computed on first use: modules this registry imports (the detectors) reach modules that ask. */
function registeringCalls(): NonNullable<typeof registering> {
  if (registering) return registering;
  const methods = new Set<string>();
  for (const field of ['verbs', 'mounts', 'routeObjects', 'handlerMethods'] as const)
    for (const name of declaredCalls(field)) methods.add(name);
  for (const framework of FRAMEWORKS as readonly FrameworkDefinition[]) {
    for (const mount of framework.mountMethods ?? []) methods.add(mount.method);
    for (const name of framework.prefixMethods?.deriving ?? []) methods.add(name);
    for (const name of framework.prefixMethods?.setting?.methods ?? []) methods.add(name);
    for (const name of framework.dispatchMethods ?? []) methods.add(name);
  }
  const words = [...new Set(FRAMEWORKS.flatMap((framework) => framework.mayRoute))];
  const call = new RegExp(String.raw`\.(?:${[...methods].join('|')})\s*\(`);
  return (registering = { methods, call, words });
}

/**
 * Every method name through which some framework's detector may take an argument as a handler:
 * route verbs, mounts, route objects, hooks and other handler methods, mount methods, prefix and
 * dispatch methods (the registry's `registrationCalls` and mount declarations).
 */
export function registeringMethods(): ReadonlySet<string> {
  return registeringCalls().methods;
}

/**
 * False when no framework detector can record a registration in a module with this text and
 * path: its path is no framework's route file (`routeFile`), and it names no registry framework
 * word (`mayRoute`) or calls none of `registeringMethods` (nor anything `otherCall` accepts, such
 * as a registration helper).
 */
export function mayRegisterByRegistry(filename: string, text: string, otherCall: (text: string) => boolean = () => false): boolean {
  if ((FRAMEWORKS as readonly FrameworkDefinition[]).some((framework) => framework.routeFile?.(filename) === true)) return true;
  const { words, call } = registeringCalls();
  return words.some((word) => text.includes(word)) && (call.test(text) || otherCall(text));
}
