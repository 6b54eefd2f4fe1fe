import type { Confidence, Framework, FunctionNode, HandlerFinding, HandlerKind, RouteInfo } from './types.js';
import { functionName } from '../ast/function-name.js';

/** What a detector knows about one handler; `makeHandler` derives the label. */
export interface HandlerFacts {
  readonly node: FunctionNode;
  readonly framework: Framework;
  readonly kind: HandlerKind;
  readonly confidence: Confidence;
  readonly via: string;
  readonly route?: RouteInfo | undefined;
  /** Label override for handlers without a route (e.g. `onRequest hook`). */
  readonly label?: string;
  readonly filename: string;
}

function basename(filename: string): string {
  const parts = filename.split(/[\\/]/);
  return parts[parts.length - 1] ?? filename;
}

/** Builds a HandlerFinding; the label is `POST /users`, `POST <unknown path>` or `middleware <name or file:line>`. */
export function makeHandler(facts: HandlerFacts): HandlerFinding {
  let label = facts.label;
  const middleware = facts.kind === 'middleware' || facts.kind === 'error-middleware';
  if (label === undefined && facts.route && !middleware) {
    label = `${facts.route.methods.join(',')} ${facts.route.path ?? '<unknown path>'}`;
  }
  if (label === undefined) {
    const name = functionName(facts.node) ?? `${basename(facts.filename)}:${facts.node.loc.start.line}`;
    label = `${facts.kind === 'error-middleware' ? 'error middleware' : facts.kind} ${name}`;
  }
  return {
    node: facts.node,
    framework: facts.framework,
    kind: facts.kind,
    confidence: facts.confidence,
    via: facts.via,
    route: facts.route,
    label,
  };
}
