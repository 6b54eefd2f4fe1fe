import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { parse, simpleTraverse } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';
import { traverseSettingParents } from '../../src/ast/walk.js';

const root = path.resolve(import.meta.dirname, '../..');

function parsed(file: string): TSESTree.Program {
  return parse(readFileSync(path.join(root, file), 'utf8'), {
    filePath: file,
    range: true,
    loc: true,
    jsx: file.endsWith('x'),
    comment: false,
    tokens: false,
  });
}

/** Each visited node as its type and range, with its parent's, in visit order. */
function visits(program: TSESTree.Program, traverse: (program: TSESTree.Program, enter: (node: TSESTree.Node) => void) => void): string[] {
  const seen: string[] = [];
  traverse(program, (node) => {
    const parent = node.parent;
    seen.push(`${node.type}@${node.range.join('-')} in ${parent ? `${parent.type}@${parent.range.join('-')}` : '-'}`);
  });
  return seen;
}

describe('traverseSettingParents', () => {
  // Files with classes, decorators, JSX, generics, optional chains, template literals.
  const files = ['src/routes/module-facts/module-facts.ts', 'fixtures/apps/nestjs/src/invoices/invoices.controller.ts', 'src/cli/scan.ts'];

  it.each(files)('visits %s in the order typescript-estree’s simpleTraverse does, each node after its parent was set', (file) => {
    const expected = visits(parsed(file), (program, enter) => {
      simpleTraverse(program, { enter }, true);
    });
    const actual = visits(parsed(file), traverseSettingParents);
    expect(actual.length).toBeGreaterThan(300);
    expect(actual).toEqual(expected);
  });

  it('sets every parent pointer of a tree that has none, the root’s to undefined', () => {
    const program = parsed(files[0]!);
    traverseSettingParents(program);
    expect(program.parent).toBeUndefined();
    let checked = 0;
    simpleTraverse(program, {
      enter(node, parent) {
        if (parent) {
          expect(node.parent).toBe(parent);
          checked += 1;
        }
      },
    });
    expect(checked).toBeGreaterThan(500);
  });
});
