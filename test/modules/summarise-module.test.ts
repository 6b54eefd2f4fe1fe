import { describe, expect, it } from 'vitest';
import { mayExport, summariseModule } from '../../src/modules/summarise-module.js';
import type { ValueSummary } from '../../src/modules/types.js';

// Paths need not exist unless a case re-exports: then resolution looks on disk and fails (no entry).
const FILE = '/virtual/project/services/mailer.ts';

function exportOf(text: string, name: string, file = FILE): ValueSummary | undefined {
  return summariseModule(file, text).exports.get(name);
}

const ASYNC: ValueSummary = { kind: 'function', returnsPromise: true };
const SYNC: ValueSummary = { kind: 'function', returnsPromise: false };

describe('summariseModule', () => {
  it('marks async functions, async arrows and async function expressions', () => {
    const text = `
export async function a() {}
export const b = async () => {};
export const c = async function () {};
`;
    expect(exportOf(text, 'a')).toEqual(ASYNC);
    expect(exportOf(text, 'b')).toEqual(ASYNC);
    expect(exportOf(text, 'c')).toEqual(ASYNC);
  });

  it('does not trust names: a sync function called sendAsync is sync, an async generator returns no promise', () => {
    const text = `
export function sendAsync() { return 1; }
export async function* stream() {}
`;
    expect(exportOf(text, 'sendAsync')).toEqual(SYNC);
    expect(exportOf(text, 'stream')).toEqual(SYNC);
  });

  it('proves non-async functions that return new Promise, a .then chain, Promise.all, fetch or a local async call', () => {
    const text = `
async function local() {}
export function p1() { return new Promise((r) => r(1)); }
export const p2 = () => load().then((x) => x);
export const p3 = () => Promise.all([]);
export const p4 = (u: string) => fetch(u);
export const p5 = () => local();
export function p6(flag: boolean) { if (flag) { return local(); } return new Promise(() => {}); }
declare function load(): any;
`;
    expect(exportOf(text, 'p1')).toEqual(ASYNC);
    expect(exportOf(text, 'p2')).toEqual(ASYNC);
    expect(exportOf(text, 'p3')).toEqual(ASYNC);
    expect(exportOf(text, 'p4')).toEqual(ASYNC);
    expect(exportOf(text, 'p5')).toEqual(ASYNC);
    expect(exportOf(text, 'p6')).toEqual(ASYNC);
  });

  it('trusts Promise return annotations on functions and on function-typed class fields', () => {
    const text = `
declare const transport: { sendMail(x: unknown): any };
export function send(x: unknown): Promise<void> { return transport.sendMail(x); }
export function format(x: unknown): string { return String(x); }
class MailServices {
  send: { (config: unknown): Promise<boolean> };
  notify: (to: string) => PromiseLike<void>;
  count: () => number;
  constructor() { this.send = async () => true; this.notify = async () => {}; this.count = () => 1; }
}
export const mailServices = new MailServices();
`;
    expect(exportOf(text, 'send')).toEqual(ASYNC);
    expect(exportOf(text, 'format')).toEqual(SYNC);
    expect(exportOf(text, 'mailServices')).toEqual({
      kind: 'object',
      members: new Map([
        ['send', ASYNC],
        ['notify', ASYNC],
      ]),
    });
  });

  it('sees through parentheses and type assertions, and proves an overloaded function by its implementation', () => {
    const text = `
export const p1 = (u: string) => (fetch(u));
export const p2 = ((async () => {}) as () => Promise<void>);
export const p3 = (u: string) => (fetch(u) as Promise<Response>).then((r) => r.ok);
export function p4(u: string): Promise<boolean>;
export function p4(u: unknown) { return fetch(String(u)).then(() => true); }
export function s1(u: string): string;
export function s1(u: unknown) { return String(u); }
`;
    expect(exportOf(text, 'p1')).toEqual(ASYNC);
    expect(exportOf(text, 'p2')).toEqual(ASYNC);
    expect(exportOf(text, 'p3')).toEqual(ASYNC);
    expect(exportOf(text, 'p4')).toEqual(ASYNC);
    expect(exportOf(text, 's1')).toEqual(SYNC);
  });

  it('does not prove a function that may fall off the end, returns a non-promise, or uses a shadowed Promise', () => {
    const text = `
async function local() {}
export function q1(flag: boolean) { if (flag) return local(); }
export function q2(flag: boolean) { if (flag) return 1; return local(); }
export const q3 = () => new Promise(() => {});
class Promise { constructor(_: unknown) {} }
`;
    expect(exportOf(text, 'q1')).toEqual(SYNC);
    expect(exportOf(text, 'q2')).toEqual(SYNC);
    expect(exportOf(text, 'q3')).toEqual(SYNC);
  });

  it('summarises object literals and instances of local classes with their methods', () => {
    const text = `
class Mailer { async send() {} format() { return ''; } static async ping() {} }
export default { async send() {}, format() { return ''; } };
export const mailer = new Mailer();
export { Mailer };
`;
    expect(exportOf(text, 'default')).toEqual({
      kind: 'object',
      members: new Map([
        ['send', ASYNC],
        ['format', SYNC],
      ]),
    });
    expect(exportOf(text, 'mailer')).toEqual({
      kind: 'object',
      members: new Map([
        ['send', ASYNC],
        ['format', SYNC],
      ]),
    });
    expect(exportOf(text, 'Mailer')).toEqual({
      kind: 'class',
      instance: new Map([
        ['send', ASYNC],
        ['format', SYNC],
      ]),
      statics: new Map([['ping', ASYNC]]),
    });
  });

  it('records queue clients built from packages, whatever the import style', () => {
    const text = `
import PgBoss from 'pg-boss';
import { Queue } from 'bullmq';
import * as gw from 'graphile-worker';
export const boss = new PgBoss('postgres://');
export const queue = new Queue('q');
export const utils = await gw.makeWorkerUtils({});
`;
    expect(exportOf(text, 'boss')).toEqual({ kind: 'instance', of: { module: 'pg-boss', path: [] } });
    expect(exportOf(text, 'queue')).toEqual({ kind: 'instance', of: { module: 'bullmq', path: ['Queue'] } });
    expect(exportOf(text, 'utils')).toEqual({ kind: 'instance', of: { module: 'graphile-worker', path: ['makeWorkerUtils'] } });
  });

  it('reads CommonJS exports', () => {
    const text = `
const { Queue } = require('bullmq');
async function sendWelcome() {}
module.exports = { sendWelcome, queue: new Queue('q') };
exports.ping = async () => {};
module.exports.label = (x) => x;
`;
    expect(exportOf(text, 'default', '/virtual/legacy.js')).toEqual({
      kind: 'object',
      members: new Map<string, ValueSummary>([
        ['sendWelcome', ASYNC],
        ['queue', { kind: 'instance', of: { module: 'bullmq', path: ['Queue'] } }],
      ]),
    });
    expect(exportOf(text, 'ping', '/virtual/legacy.js')).toEqual(ASYNC);
    expect(exportOf(text, 'label', '/virtual/legacy.js')).toEqual(SYNC);
  });

  it('ignores let bindings, which may be reassigned, and type-only exports', () => {
    const text = `
export let send = async () => {};
export type Send = () => Promise<void>;
`;
    expect(summariseModule(FILE, text).exports.size).toBe(0);
  });

  it('parses JSX in .tsx and .js files', () => {
    const text = 'export const view = () => <div />;\nexport async function load() {}\n';
    expect(exportOf(text, 'load', '/virtual/view.tsx')).toEqual(ASYNC);
    expect(exportOf(text, 'load', '/virtual/view.js')).toEqual(ASYNC);
  });

  it('throws on source that does not parse (the cache turns this into unknown)', () => {
    expect(() => summariseModule(FILE, 'export async function send( {')).toThrow();
  });

  it('skips the parse of a module that cannot export: its summary is empty even when it does not parse', () => {
    expect(mayExport('import { send } from "./mailer";\nawait send();\n')).toBe(false);
    expect(summariseModule(FILE, 'const broken = ( {\n')).toEqual({ file: FILE, exports: new Map(), starFrom: [] });
  });

  it('parses every source that may export: ESM, `export =`, CommonJS, and escaped identifiers', () => {
    expect(exportOf('export default async () => {};\n', 'default')).toEqual(ASYNC);
    expect(exportOf('export = async function send() {};\n', 'default')).toEqual(ASYNC);
    expect(exportOf('exports.send = async () => {};\n', 'send', '/virtual/legacy.js')).toEqual(ASYNC);
    expect(mayExport('module.\\u0065xports.send = async () => {};\n')).toBe(true);
    expect(exportOf('module.\\u0065xports.send = async () => {};\n', 'send', '/virtual/legacy.js')).toEqual(ASYNC);
  });

  it("keeps no syntax node in a summary, so a cached summary does not hold its module's tree", () => {
    const summary = summariseModule(FILE, 'class Mailer { async send() {} }\nexport const mailer = new Mailer();\nexport { Mailer };\n');
    expect(JSON.stringify([...summary.exports], (_key, value: unknown) => (value instanceof Map ? [...value] : value))).toBe(
      '[["mailer",{"kind":"object","members":[["send",{"kind":"function","returnsPromise":true}]]}],' +
        '["Mailer",{"kind":"class","instance":[["send",{"kind":"function","returnsPromise":true}]],"statics":[]}]]',
    );
  });
});
