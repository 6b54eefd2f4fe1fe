// Test helper: which handlers reach each `probe()` call of a module, as `label <- chain` strings.
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { simpleTraverse } from '@typescript-eslint/typescript-estree';
import { readFleetSettings } from '../../src/settings.js';
import { checkedModel, parse } from './parse.js';

/** The reaches of every call to `probe()` in the module, in source order, as `label <- chain`. */
export function reachesOfProbes(code: string, fleet: Record<string, unknown> = {}, filename = 'src/app.ts'): string[][] {
  const parsed = parse(code, filename);
  const model = checkedModel({ ...parsed, filename, settings: readFleetSettings(fleet) });
  const probes: TSESTree.CallExpression[] = [];
  simpleTraverse(parsed.ast, {
    enter(node) {
      if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'probe')
        probes.push(node);
    },
  });
  return probes.map((probe) => model.reachesOf(probe).map((reach) => [reach.handler.label, ...reach.chain].join(' <- ')));
}
