/**
 * Capture analysis, as TypeScript's Extract Function does it: every identifier the moved work
 * reads is resolved with the checker; declarations inside the work are not captured; module-level
 * bindings are re-imported by the executor; everything else becomes a payload field if its type
 * survives JSON, or stops the site with the binding's name and what to send instead.
 */
import { Node, SyntaxKind } from 'ts-morph';
import type { Identifier, SourceFile } from 'ts-morph';
import { classify } from './payload-shape.js';
import type { Shape } from './payload-shape.js';

/** The class of one captured binding, as the JSON report names it. */
export type CaptureClass =
  'module-level' | 'global' | 'json-safe' | 'untyped' | 'lossy' | 'forbidden' | 'written-inside' | 'reassigned-let';

/** One binding the work reads from outside itself. */
export interface Capture {
  readonly name: string;
  readonly class: CaptureClass;
  /** Why a capture is lossy, forbidden or needs review. */
  readonly why?: string;
  /** The payload shape, for `json-safe` and `untyped`. */
  readonly shape?: Shape;
  readonly optional?: boolean;
  /** For module-level bindings: the declaration (an import or a top-level statement). */
  readonly declaration?: Node;
}

/** Captures of `nodes` (the moved work) placed at `site` in `file`. */
export function captures(file: SourceFile, nodes: readonly Node[], site: Node, forbidden: readonly string[]): Capture[] {
  const byName = new Map<string, Capture>();
  const inside = (node: Node) => nodes.some((root) => node.getStart() >= root.getStart() && node.getEnd() <= root.getEnd());
  for (const root of nodes) {
    if (root.getFirstDescendantByKind(SyntaxKind.ThisKeyword) || Node.isThisExpression(root)) {
      byName.set('this', { name: 'this', class: 'forbidden', why: 'the work uses `this`; copy the fields it needs into locals first' });
    }
    for (const id of [...(Node.isIdentifier(root) ? [root] : []), ...root.getDescendantsOfKind(SyntaxKind.Identifier)]) {
      if (!isReference(id) || byName.has(id.getText())) continue;
      const capture = captureOf(file, id, inside, site, forbidden);
      if (capture) byName.set(capture.name, capture);
    }
  }
  return [...byName.values()];
}

function captureOf(
  file: SourceFile,
  id: Identifier,
  inside: (node: Node) => boolean,
  site: Node,
  forbidden: readonly string[],
): Capture | undefined {
  const parent = id.getParent();
  const symbol = Node.isShorthandPropertyAssignment(parent)
    ? file.getProject().getTypeChecker().getShorthandAssignmentValueSymbol(parent)
    : id.getSymbol();
  const declarations = symbol?.getDeclarations() ?? [];
  const name = id.getText();
  if (declarations.length === 0) return name === 'undefined' ? undefined : { name, class: 'global' };
  const declaration = declarations[0]!;
  if (inside(declaration)) return undefined;
  if (declaration.getSourceFile() !== file) return { name, class: 'global' };
  if (isModuleLevel(declaration)) return { name, class: 'module-level', declaration };
  if (isWritten(id) || writtenInside(id, inside))
    return {
      name,
      class: 'written-inside',
      why: `\`${name}\` is assigned inside the deferred work; the write cannot reach the handler from a worker`,
    };
  const classified = classify(id.getType(), forbidden);
  if (classified.class === 'lossy' || classified.class === 'forbidden') {
    return {
      name,
      class: classified.class,
      why: `${classified.why ?? ''}${classified.class === 'forbidden' ? `; ${projectionHint(id)}` : ''}`,
    };
  }
  if (reassignedAfter(declaration, site)) {
    return {
      name,
      class: 'reassigned-let',
      why: `\`let ${name}\` is reassigned after the site; the payload snapshots its value at enqueue time`,
      shape: classified.shape,
      optional: classified.optional,
    };
  }
  return {
    name,
    class: classified.class,
    shape: classified.shape,
    optional: classified.optional,
    ...(classified.class === 'untyped'
      ? { why: `\`${name}\` has type \`any\`; the payload is not validated until you give it a type` }
      : {}),
  };
}

/** Identifiers that read a binding (not property names, labels or declarations' own names). */
function isReference(id: Identifier): boolean {
  const parent = id.getParent();
  if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === id) return false;
  if (Node.isPropertyAssignment(parent) && parent.getNameNode() === id) return false;
  if (
    (Node.isMethodDeclaration(parent) || Node.isPropertyDeclaration(parent) || Node.isPropertySignature(parent)) &&
    parent.getNameNode() === id
  )
    return false;
  if (Node.isBindingElement(parent) && parent.getPropertyNameNode() === id) return false;
  if (Node.isLabeledStatement(parent) || Node.isBreakStatement(parent) || Node.isContinueStatement(parent)) return false;
  if (Node.isJsxAttribute(parent) || Node.isTypeReference(parent) || Node.isQualifiedName(parent)) return false;
  return true;
}

function isModuleLevel(declaration: Node): boolean {
  if (
    Node.isImportSpecifier(declaration) ||
    Node.isImportClause(declaration) ||
    Node.isNamespaceImport(declaration) ||
    Node.isImportEqualsDeclaration(declaration)
  )
    return true;
  // `{ a: { b } }` in a declaration or a parameter: climb to what the pattern destructures. A
  // parameter's binding is never module-level, even in a handler written inside `export const`.
  let root: Node = declaration;
  while (Node.isBindingElement(root)) root = root.getParentOrThrow().getParentOrThrow();
  if (Node.isParameterDeclaration(root)) return false;
  const statement = Node.isVariableDeclaration(root) ? root.getVariableStatement() : root;
  return Node.isSourceFile(statement?.getParent());
}

function isWritten(id: Node): boolean {
  const parent = id.getParent();
  if (Node.isBinaryExpression(parent) && parent.getLeft() === id)
    return /^(?:[-+*/%&|^]|\*\*|<<|>>>?|&&|\|\||\?\?)?=$/.test(parent.getOperatorToken().getText());
  return (
    (Node.isPrefixUnaryExpression(parent) || Node.isPostfixUnaryExpression(parent)) &&
    [SyntaxKind.PlusPlusToken, SyntaxKind.MinusMinusToken].includes(parent.getOperatorToken())
  );
}

/** Another write to the same binding inside the work (`count++` after a read of `count`). */
function writtenInside(id: Identifier, inside: (node: Node) => boolean): boolean {
  const symbol = id.getSymbol();
  if (!symbol) return false;
  const scope = symbol.getDeclarations()[0]?.getFirstAncestor((node) => Node.isFunctionLikeDeclaration(node) || Node.isSourceFile(node));
  return (scope?.getDescendantsOfKind(SyntaxKind.Identifier) ?? []).some(
    (other) => other !== id && inside(other) && other.getText() === id.getText() && other.getSymbol() === symbol && isWritten(other),
  );
}

function reassignedAfter(declaration: Node, site: Node): boolean {
  if (!Node.isVariableDeclaration(declaration) || declaration.getVariableStatement()?.getDeclarationKind() !== 'let') return false;
  const symbol = declaration.getSymbol();
  const scope = declaration.getFirstAncestor((node) => Node.isFunctionLikeDeclaration(node) || Node.isSourceFile(node));
  return (scope?.getDescendantsOfKind(SyntaxKind.Identifier) ?? []).some(
    (other) => other.getStart() >= site.getEnd() && other.getSymbol() === symbol && isWritten(other),
  );
}

/** "capture `const message = req.body.message` before the site, not `req`", from how the work uses it. */
function projectionHint(id: Identifier): string {
  let top: Node = id;
  for (let parent = top.getParent(); Node.isPropertyAccessExpression(parent) && parent.getExpression() === top; parent = top.getParent())
    top = parent;
  const parent = top.getParent();
  if (Node.isCallExpression(parent) && parent.getExpression() === top) top = parent;
  if (top === id)
    return `capture the fields the work needs (e.g. \`const userId = ${id.getText()}.user.id\`) before the site, not \`${id.getText()}\``;
  const name = Node.isPropertyAccessExpression(top) ? top.getName() : 'value';
  return `capture \`const ${name} = ${top.getText()}\` before the site and use \`${name}\` in the work, not \`${id.getText()}\``;
}
