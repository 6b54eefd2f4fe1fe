/**
 * Handlers recognised by their parameter types alone, for controllers defined in one file and
 * registered in another: `export const list = async (req: Request, res: Response) => ...` with
 * both types from 'express'. Every listed parameter must carry its type, so a helper such as
 * `log(req: Request, message: string)` is not taken. A NestJS controller method typed
 * `(@Req() req: Request, @Res() res: Response)` is Nest's (global prefix, versioning), not ours.
 */
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import type { DetectContext } from './detector.js';
import type { Framework, FunctionNode, HandlerFinding, HandlerKind } from './types.js';
import { importPath } from './import-path.js';
import { isFunction } from '../ast/resolve-function.js';
import { makeHandler } from './make-handler.js';

/** One accepted signature: parameter type names (export names of `modules`), in order. */
export interface TypedSignature {
  readonly types: readonly string[];
  readonly kind: HandlerKind;
}

function typeNameOf(param: TSESTree.Parameter, ctx: DetectContext, modules: readonly string[]): string | undefined {
  const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  const annotation = 'typeAnnotation' in target ? target.typeAnnotation?.typeAnnotation : undefined;
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const source = ctx.imports.sourceOf(annotation.typeName);
  if (!source || !modules.includes(source.module)) return undefined;
  const path = importPath(source);
  return path.length === 1 ? path[0] : undefined;
}

function matches(fn: FunctionNode, signature: TypedSignature, ctx: DetectContext, modules: readonly string[]): boolean {
  if (fn.params.length !== signature.types.length) return false;
  return signature.types.every((type, index) => typeNameOf(fn.params[index]!, ctx, modules) === type);
}

/** A method or parameter decorated from `@nestjs/*`: Nest invokes it, whatever its parameter types. */
function nestManaged(fn: FunctionNode, ctx: DetectContext): boolean {
  const decorators = [
    ...(fn.parent.type === AST_NODE_TYPES.MethodDefinition ? fn.parent.decorators : []),
    ...fn.params.flatMap((param) => param.decorators),
  ];
  return decorators.some((decorator) => {
    const expression = decorator.expression.type === AST_NODE_TYPES.CallExpression ? decorator.expression.callee : decorator.expression;
    return ctx.imports.sourceOf(expression)?.module.startsWith('@nestjs/') === true;
  });
}

/**
 * Functions of the module whose parameters are typed as one of `signatures` (first type name
 * seeds the search through the import index, so the tree is not walked).
 */
export function typedHandlers(
  ctx: DetectContext,
  framework: Framework,
  modules: readonly string[],
  signatures: readonly TypedSignature[],
): HandlerFinding[] {
  const firstTypes = new Set(signatures.map((signature) => signature.types[0]));
  const handlers: HandlerFinding[] = [];
  const seen = new Set<FunctionNode>();
  for (const module of modules) {
    for (const use of ctx.imports.usesOf(module)) {
      // `(req: Request, ...)`: Identifier ← TSTypeReference ← TSTypeAnnotation ← param ← function.
      let typeName: TSESTree.Node = use;
      while (typeName.parent?.type === AST_NODE_TYPES.TSQualifiedName) typeName = typeName.parent;
      const reference = typeName.parent;
      const param = reference?.parent?.parent;
      if (reference?.type !== AST_NODE_TYPES.TSTypeReference || !param) continue;
      const fn = param.parent?.type === AST_NODE_TYPES.AssignmentPattern ? param.parent.parent : param.parent;
      if (!isFunction(fn) || seen.has(fn) || !firstTypes.has(typeNameOf(fn.params[0]!, ctx, modules))) continue;
      const signature = signatures.find((candidate) => matches(fn, candidate, ctx, modules));
      if (!signature || nestManaged(fn, ctx)) continue;
      seen.add(fn);
      const via = `parameters typed \`(${signature.types.join(', ')})\` from '${modules[0]!}'`;
      handlers.push(makeHandler({ node: fn, framework, kind: signature.kind, confidence: 'certain', via, filename: ctx.filename }));
    }
  }
  return handlers;
}
