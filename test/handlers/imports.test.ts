import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { buildImportIndex } from '../../src/handlers/imports.js';
import { importPath } from '../../src/handlers/import-path.js';
import { parse } from './parse.js';

/** The import source of the expression `target` in the first `probe(target)` call's argument list. */
function sources(code: string): unknown[] {
  const { ast, scopeManager } = parse(code);
  const index = buildImportIndex(ast, scopeManager);
  const found: unknown[] = [];
  for (const statement of ast.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const call = statement.expression as TSESTree.CallExpression;
    const source = index.sourceOf(call.arguments[0]!);
    found.push(source && { ...source, path: importPath(source) });
  }
  return found;
}

describe('buildImportIndex', () => {
  it('resolves default, named and namespace imports with node: stripped', () => {
    expect(
      sources(`import express, { Router as R } from 'express'; import * as fs from 'node:fs';
      probe(express); probe(R); probe(fs.promises.readFile); probe(unknownThing);`),
    ).toEqual([
      { module: 'express', name: 'default', members: [], path: [] },
      { module: 'express', name: 'Router', members: [], path: ['Router'] },
      { module: 'fs', name: '*', members: ['promises', 'readFile'], path: ['promises', 'readFile'] },
      undefined,
    ]);
  });

  it('resolves require, destructured require, .default and const aliases', () => {
    expect(
      sources(`const express = require('express'); const { Router: Rt } = require('express');
      const Fastify = require('fastify').default; const R2 = express.Router; const { json } = express;
      probe(express); probe(Rt); probe(Fastify); probe(R2); probe(json);`),
    ).toEqual([
      { module: 'express', name: '*', members: [], path: [] },
      { module: 'express', name: 'Router', members: [], path: ['Router'] },
      { module: 'fastify', name: '*', members: ['default'], path: [] },
      { module: 'express', name: '*', members: ['Router'], path: ['Router'] },
      { module: 'express', name: 'json', members: [], path: ['json'] },
    ]);
  });

  it('resolves import x = require() and respects shadowing', () => {
    expect(
      sources(`import koa = require('koa'); function f(koa: unknown) { return koa; }
      probe(koa);`),
    ).toEqual([{ module: 'koa', name: '*', members: [], path: [] }]);
    const { ast, scopeManager } = parse(`import express from 'express'; function f(express: any) { express(); }`);
    const index = buildImportIndex(ast, scopeManager);
    const fn = ast.body[1] as TSESTree.FunctionDeclaration;
    const call = (fn.body.body[0] as TSESTree.ExpressionStatement).expression as TSESTree.CallExpression;
    expect(index.sourceOf(call.callee)).toBeUndefined();
    expect([...index.modules]).toEqual(['express']);
  });
});

describe('buildImportIndex: imports passed to a same-module function', () => {
  /** The sources of every `probe(x)` call inside functions too (walks the whole tree). */
  function probes(code: string): unknown[] {
    const { ast, scopeManager, text } = parse(code);
    const index = buildImportIndex(ast, scopeManager, text);
    const found: unknown[] = [];
    const visit = (node: TSESTree.Node): void => {
      if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'probe') {
        const source = index.sourceOf(node.arguments[0]!);
        found.push(source && importPath(source));
      }
      for (const value of Object.values(node)) {
        if (value && typeof value === 'object' && 'type' in value && value !== node.parent) visit(value as TSESTree.Node);
        if (Array.isArray(value))
          for (const item of value) if (item && typeof item === 'object' && 'type' in item) visit(item as TSESTree.Node);
      }
    };
    visit(ast);
    return found;
  }

  it("binds the parameter of a function declaration, and of a member assigned once (NodeBB's `_mounts.main(router, controllers)`)", () => {
    expect(
      probes(`const controllers = require('../controllers');
      const _mounts = {};
      _mounts.main = (app, ctl) => { probe(ctl.login); };
      function page(app, ctl) { probe(ctl.search.get); }
      _mounts.main(app, controllers);
      page(app, controllers);`),
    ).toEqual([['login'], ['search', 'get']]);
  });

  it('leaves a parameter alone when the callee is not one same-module function', () => {
    expect(
      probes(`const controllers = require('../controllers');
      const mounts = {};
      mounts.a = (ctl) => { probe(ctl); };
      mounts.a = (ctl) => { probe(ctl); };
      mounts.a(controllers);
      other(controllers);`),
    ).toEqual([undefined, undefined]);
  });
});
