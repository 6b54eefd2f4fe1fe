import { describe, expect, it } from 'vitest';
import { normalizePath } from '../src/index.js';

describe('normalizePath', () => {
  describe('express', () => {
    it('turns `:id` into `{id}`', () => {
      expect(normalizePath('/users/:id', 'express')).toEqual({ ok: true, paths: ['/users/{id}'] });
    });
    it('expands an optional `:id?` into the path without and with it', () => {
      expect(normalizePath('/users/:id?', 'express')).toEqual({ ok: true, paths: ['/users', '/users/{id}'] });
    });
    it('turns a trailing `*` into `{*rest}`', () => {
      expect(normalizePath('/files/*', 'express')).toEqual({ ok: true, paths: ['/files/{*rest}'] });
    });
    it('turns `(.*)` into `{*rest}`', () => {
      expect(normalizePath('/files/(.*)', 'express')).toEqual({ ok: true, paths: ['/files/{*rest}'] });
    });
    it('keeps a regex parameter that cannot match `/` as one segment', () => {
      expect(normalizePath('/users/:id(\\d+)', 'express')).toEqual({ ok: true, paths: ['/users/{id}'] });
    });
    it('turns a regex parameter that can match `/` into a trailing wildcard', () => {
      expect(normalizePath('/files/:path(.*)', 'express')).toEqual({ ok: true, paths: ['/files/{*path}'] });
    });
    it('keeps the name of an Express 5 `*splat`', () => {
      expect(normalizePath('/files/*splat', 'express')).toEqual({ ok: true, paths: ['/files/{*splat}'] });
    });
    it('expands an Express 5 optional group', () => {
      expect(normalizePath('/users{/:id}', 'express')).toEqual({ ok: true, paths: ['/users', '/users/{id}'] });
    });
    it('makes a segment mixing text and parameters one parameter', () => {
      expect(normalizePath('/:file.:ext', 'express')).toEqual({ ok: true, paths: ['/{file}'] });
    });
    it('refuses a parameter with a literal suffix, which `{platform}` would widen', () => {
      expect(normalizePath('/ext/:platform-repo', 'express')).toEqual({
        ok: false,
        reason:
          '`/ext/:platform-repo`: the segment `:platform-repo` mixes literal text with a parameter or wildcard, which a pattern cannot express; declare the route by hand',
      });
    });
    it('refuses an Express 4 wildcard inside a segment instead of dropping its text', () => {
      expect(normalizePath('/cover*', 'express')).toEqual({
        ok: false,
        reason:
          '`/cover*`: the segment `cover*` mixes literal text with a parameter or wildcard, which a pattern cannot express; declare the route by hand',
      });
    });
    it('turns an Express 4 bare `*` into the root and every path below it', () => {
      expect(normalizePath('*', 'express')).toEqual({ ok: true, paths: ['/', '/{*rest}'] });
    });
    it('refuses a wildcard before the last segment', () => {
      expect(normalizePath('/a/*/b', 'express')).toEqual({
        ok: false,
        reason: '`/a/*/b`: a wildcard before the last segment cannot be expressed; declare the route by hand',
      });
    });
    it('refuses a RegExp route', () => {
      expect(normalizePath(/^\/abc/, 'express')).toEqual({
        ok: false,
        reason: '`/^\\/abc/` is a regular-expression route; declare its paths by hand in the manifest',
      });
    });
    it('refuses a regex that never closes', () => {
      expect(normalizePath('/users/:id(\\d+', 'express')).toEqual({
        ok: false,
        reason: '`/users/:id(\\d+` has a parameter regex that is never closed',
      });
    });
    it('maps the empty path and a trailing slash to the slash-less form', () => {
      expect(normalizePath('', 'express')).toEqual({ ok: true, paths: ['/'] });
      expect(normalizePath('/users/', 'express')).toEqual({ ok: true, paths: ['/users'] });
    });
  });

  describe('koa', () => {
    it('turns `:p+` into a trailing wildcard', () => {
      expect(normalizePath('/p/:p+', 'koa')).toEqual({ ok: true, paths: ['/p/{*p}'] });
    });
    it("turns `'*'` into the root and every path below it", () => {
      expect(normalizePath('*', 'koa')).toEqual({ ok: true, paths: ['/', '/{*rest}'] });
    });
    it('turns `:p*` into the parent and a trailing wildcard', () => {
      expect(normalizePath('/p/:p*', 'koa')).toEqual({ ok: true, paths: ['/p', '/p/{*p}'] });
    });
  });

  describe('fastify', () => {
    it('turns `:id` into `{id}`', () => {
      expect(normalizePath('/users/:id', 'fastify')).toEqual({ ok: true, paths: ['/users/{id}'] });
    });
    it('turns `*` into `{*rest}`', () => {
      expect(normalizePath('/static/*', 'fastify')).toEqual({ ok: true, paths: ['/static/{*rest}'] });
    });
    it('makes `:lat-:lng` one parameter', () => {
      expect(normalizePath('/:lat-:lng/x', 'fastify')).toEqual({ ok: true, paths: ['/{lat}/x'] });
    });
    it('reads `::` as a literal colon', () => {
      expect(normalizePath('/a::b', 'fastify')).toEqual({ ok: true, paths: ['/a:b'] });
    });
  });

  describe('hono', () => {
    it('keeps `:id{[0-9]+}` as one segment', () => {
      expect(normalizePath('/posts/:id{[0-9]+}', 'hono')).toEqual({ ok: true, paths: ['/posts/{id}'] });
    });
    it('expands an optional `:id?`', () => {
      expect(normalizePath('/posts/:id?', 'hono')).toEqual({ ok: true, paths: ['/posts', '/posts/{id}'] });
    });
    it('turns `*` into `{*rest}`', () => {
      expect(normalizePath('/files/*', 'hono')).toEqual({ ok: true, paths: ['/files/{*rest}'] });
    });
    it('turns a last-segment regex that can match `/` into a wildcard', () => {
      expect(normalizePath('/f/:name{.+\\.png}', 'hono')).toEqual({ ok: true, paths: ['/f/{*name}'] });
    });
  });

  describe('nestjs', () => {
    it('adds the leading slash decorators leave out', () => {
      expect(normalizePath('cats/:id', 'nestjs')).toEqual({ ok: true, paths: ['/cats/{id}'] });
    });
    it('reads `{*splat}` as an optional wildcard (path-to-regexp 8)', () => {
      expect(normalizePath('/files/{*splat}', 'nestjs')).toEqual({ ok: true, paths: ['/files', '/files/{*splat}'] });
    });
    it('turns `*` into `{*rest}`', () => {
      expect(normalizePath('/assets/*', 'nestjs')).toEqual({ ok: true, paths: ['/assets/{*rest}'] });
    });
  });

  describe('next', () => {
    it('drops route groups and turns `[id]` into `{id}`', () => {
      expect(normalizePath('/(shop)/items/[id]', 'next')).toEqual({ ok: true, paths: ['/items/{id}'] });
    });
    it('turns `[...slug]` into `{*slug}`', () => {
      expect(normalizePath('/docs/[...slug]', 'next')).toEqual({ ok: true, paths: ['/docs/{*slug}'] });
    });
    it('turns `[[...slug]]` into the parent and `{*slug}`', () => {
      expect(normalizePath('/docs/[[...slug]]', 'next')).toEqual({ ok: true, paths: ['/docs', '/docs/{*slug}'] });
    });
    it('keeps the root for an optional catch-all at the top', () => {
      expect(normalizePath('/[[...slug]]', 'next')).toEqual({ ok: true, paths: ['/', '/{*slug}'] });
    });
    it('drops `@slot` folders', () => {
      expect(normalizePath('/dash/@team/settings', 'next')).toEqual({ ok: true, paths: ['/dash/settings'] });
    });
    it('refuses an intercepting route', () => {
      expect(normalizePath('/@modal/(.)photo/[id]', 'next')).toEqual({
        ok: false,
        reason: '`/@modal/(.)photo/[id]` is an intercepting route (`(.)photo`); classify the route it intercepts',
      });
    });
    it('refuses a catch-all before the last segment', () => {
      expect(normalizePath('/docs/[...slug]/edit', 'next')).toEqual({
        ok: false,
        reason: '`/docs/[...slug]/edit`: a catch-all `[...slug]` must be the last segment',
      });
    });
  });
});
