/**
 * Which exported functions of one module pass a parameter to an fs read (see fs-wrappers.ts).
 * Works on TypeScript's syntax tree of the module; the result holds no node.
 */
import type * as TS from 'typescript';
import { ts } from '../../src/modules/typescript.js';
import { ARCHIVER_READS, FS_READS, isArchiverModule, isFsModule } from './fs-reads.js';

/** An exported fs wrapper: which of its parameters reaches the path of the read, and the read as written. */
export interface Wrapper {
  readonly param: number;
  readonly read: string;
}

/**
 * An exported instance of a class of another module (`export default env.X ? new LocalStorage()
 * : new S3Storage()`): its methods are the wrappers that module's summary lists for the class
 * (`<export>#<method>`). `module` is the specifier as written.
 */
export interface InstanceOf {
  readonly instanceOf: readonly { readonly module: string; readonly name: string }[];
}

/**
 * Export path (`exists`, `file.exists`, `''` for a default export, `Class#method` for a method of
 * an exported class, `#method` for one of the default-exported class) → the wrapper, or the
 * classes an exported instance is made from.
 */
export type WrapperSummary = ReadonlyMap<string, Wrapper | InstanceOf>;

type Fn = TS.FunctionDeclaration | TS.FunctionExpression | TS.ArrowFunction | TS.MethodDeclaration;

function moduleName(node: TS.Expression | undefined): string | undefined {
  if (node && ts.isStringLiteral(node)) return node.text.replace(/^node:/, '');
  return undefined;
}

function requireOf(node: TS.Expression | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'promises') return requireOf(node.expression);
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require'
    ? moduleName(node.arguments[0])
    : undefined;
}

/**
 * The module's fs bindings: namespaces (`fs`, `fsp`), imported read functions (`readFile`) and
 * `archiver` (whose instances read what they archive).
 */
function fsBindings(source: TS.SourceFile): { spaces: Set<string>; reads: Set<string>; archivers: Set<string> } {
  const spaces = new Set<string>();
  const reads = new Set<string>();
  const archivers = new Set<string>();
  for (const statement of source.statements) {
    const imported = ts.isImportDeclaration(statement) ? moduleName(statement.moduleSpecifier) : undefined;
    if (imported !== undefined && isArchiverModule(imported)) {
      const clause = (statement as TS.ImportDeclaration).importClause;
      if (clause?.name) archivers.add(clause.name.text);
      if (clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings)) archivers.add(clause.namedBindings.name.text);
    } else if (ts.isImportDeclaration(statement) && isFsModule(imported ?? '')) {
      const clause = statement.importClause;
      if (clause?.name) spaces.add(clause.name.text);
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) spaces.add(bindings.name.text);
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) {
          const imported = (element.propertyName ?? element.name).text;
          if (imported === 'promises') spaces.add(element.name.text);
          else if (FS_READS.has(imported)) reads.add(element.name.text);
        }
      }
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const required = requireOf(declaration.initializer) ?? '';
        if (isArchiverModule(required) && ts.isIdentifier(declaration.name)) archivers.add(declaration.name.text);
        if (!isFsModule(required)) continue;
        if (ts.isIdentifier(declaration.name)) spaces.add(declaration.name.text);
        else if (ts.isObjectBindingPattern(declaration.name)) {
          for (const element of declaration.name.elements) {
            const imported =
              element.propertyName && ts.isIdentifier(element.propertyName)
                ? element.propertyName.text
                : ts.isIdentifier(element.name)
                  ? element.name.text
                  : '';
            if (ts.isIdentifier(element.name) && FS_READS.has(imported)) reads.add(element.name.text);
          }
        }
      }
    }
  }
  return { spaces, reads, archivers };
}

/** Variables holding an archive: `const archive = archiver('zip', ...)` anywhere in the module. */
function archivesOf(source: TS.SourceFile, archivers: ReadonlySet<string>): Set<string> {
  const archives = new Set<string>();
  if (archivers.size === 0) return archives;
  const visit = (node: TS.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isCallExpression(node.initializer)) {
      const callee = node.initializer.expression;
      if (archivers.has(rootName(callee) ?? '')) archives.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return archives;
}

function rootName(node: TS.Expression): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  return ts.isPropertyAccessExpression(node) ? rootName(node.expression) : undefined;
}

function namesIn(node: TS.Node, out: Set<string>): Set<string> {
  if (ts.isIdentifier(node)) out.add(node.text);
  ts.forEachChild(node, (child) => void namesIn(child, out));
  return out;
}

/** Top-level functions by local name, the export paths that name them, and exported instances of imported classes. */
function collect(source: TS.SourceFile): {
  functions: Map<string, Fn>;
  exports: Map<string, Fn | string>;
  instances: Map<string, { module: string; name: string }[]>;
} {
  const functions = new Map<string, Fn>();
  const exports = new Map<string, Fn | string>();
  const classes = new Map<string, TS.ClassLikeDeclaration>();
  const imported = new Map<string, { module: string; name: string }>();
  const consts = new Map<string, TS.Expression>();
  const instances = new Map<string, { module: string; name: string }[]>();
  for (const statement of source.statements) {
    if (ts.isClassDeclaration(statement) && statement.name) classes.set(statement.name.text, statement);
    else if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.importClause) {
      const module = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (clause.name) imported.set(clause.name.text, { module, name: 'default' });
      if (clause.namedBindings && ts.isNamedImports(clause.namedBindings))
        for (const element of clause.namedBindings.elements)
          imported.set(element.name.text, { module, name: (element.propertyName ?? element.name).text });
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name) && declaration.initializer) consts.set(declaration.name.text, declaration.initializer);
    }
  }
  /** The methods of a class, as exports under `prefix` (`storage.stat`, `#stat`). */
  const methods = (prefix: string, node: TS.ClassLikeDeclaration): void => {
    for (const member of node.members) {
      if (!ts.isMethodDeclaration(member) || !member.body || !ts.isIdentifier(member.name)) continue;
      if ((ts.getModifiers(member) ?? []).some((m) => m.kind === ts.SyntaxKind.StaticKeyword)) continue;
      exports.set(`${prefix}${member.name.text}`, member);
    }
  };
  /** `new Local()`, `new Imported()`, or a choice between them (`cond ? new A() : new B()`). */
  const instance = (key: string, node: TS.Expression, depth = 0): boolean => {
    const target = skipParentheses(node);
    if (ts.isConditionalExpression(target)) {
      const a = instance(key, target.whenTrue, depth);
      const b = instance(key, target.whenFalse, depth);
      return a || b;
    }
    if (ts.isIdentifier(target) && depth < 2 && consts.has(target.text)) return instance(key, consts.get(target.text)!, depth + 1);
    if (!ts.isNewExpression(target) || !ts.isIdentifier(target.expression)) return false;
    const local = classes.get(target.expression.text);
    if (local) methods(key ? `${key}.` : '', local);
    const from = imported.get(target.expression.text);
    if (from) instances.set(key, [...(instances.get(key) ?? []), from]);
    return local !== undefined || from !== undefined;
  };
  const isExported = (node: TS.Node): boolean =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = (node: TS.Node): boolean =>
    ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
  const object = (prefix: string, literal: TS.ObjectLiteralExpression): void => {
    for (const property of literal.properties) {
      const name = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
      if (name === undefined) continue;
      const key = prefix ? `${prefix}.${name}` : name;
      if (ts.isMethodDeclaration(property)) exports.set(key, property);
      else if (ts.isShorthandPropertyAssignment(property)) exports.set(key, name);
      else if (ts.isPropertyAssignment(property)) value(key, property.initializer);
    }
  };
  const value = (key: string, node: TS.Expression): void => {
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) exports.set(key, node);
    else if (ts.isIdentifier(node) && !functions.has(node.text) && consts.has(node.text)) instance(key, node);
    else if (ts.isIdentifier(node)) exports.set(key, node.text);
    else if (ts.isObjectLiteralExpression(node)) object(key, node);
    else instance(key, node);
  };
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) {
      functions.set(statement.name.text, statement);
      if (isExported(statement)) exports.set(isDefault(statement) ? '' : statement.name.text, statement);
    } else if (ts.isClassDeclaration(statement) && isExported(statement)) {
      methods(`${isDefault(statement) ? '' : (statement.name?.text ?? '')}#`, statement);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        if (!ts.isIdentifier(declaration.name) || !init) continue;
        if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) functions.set(declaration.name.text, init);
        if (isExported(statement)) value(declaration.name.text, init);
      }
    } else if (ts.isExportAssignment(statement)) {
      value('', statement.expression);
    } else if (
      ts.isExportDeclaration(statement) &&
      !statement.moduleSpecifier &&
      statement.exportClause &&
      ts.isNamedExports(statement.exportClause)
    ) {
      for (const element of statement.exportClause.elements) exports.set(element.name.text, (element.propertyName ?? element.name).text);
    } else if (
      ts.isExpressionStatement(statement) &&
      ts.isBinaryExpression(statement.expression) &&
      statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken
    ) {
      // CommonJS: `module.exports = …`, `module.exports.x = …`, `exports.x = …`.
      const left = statement.expression.left.getText(source);
      const match = /^(?:module\.)?exports(?:\.([\w$]+))?$/.exec(left);
      if (match && (match[1] !== undefined || left.startsWith('module.'))) value(match[1] ?? '', statement.expression.right);
    }
  }
  return { functions, exports, instances };
}

function skipParentheses(node: TS.Expression): TS.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current))
    current = current.expression;
  return current;
}

/** Summarises the module's exported fs wrappers. */
export function wrapperSummary(source: TS.SourceFile): WrapperSummary {
  const { spaces, reads, archivers } = fsBindings(source);
  const archives = archivesOf(source, archivers);
  const { functions, exports, instances } = collect(source);
  const summary = new Map<string, Wrapper | InstanceOf>();
  for (const [key, instanceOf] of instances) summary.set(key, { instanceOf });
  if (spaces.size === 0 && reads.size === 0 && archives.size === 0) return summary;
  const wrappers = new Map<Fn, Wrapper>();
  const isRead = (call: TS.CallExpression): string | undefined => {
    const callee = call.expression;
    if (ts.isIdentifier(callee) && reads.has(callee.text)) return callee.text;
    if (ts.isPropertyAccessExpression(callee) && FS_READS.has(callee.name.text) && spaces.has(rootName(callee.expression) ?? ''))
      return callee.getText(source);
    // `archive.directory(path)`: the archive reads the directory when it is written to the response.
    if (
      ts.isPropertyAccessExpression(callee) &&
      ARCHIVER_READS.has(callee.name.text) &&
      ts.isIdentifier(callee.expression) &&
      archives.has(callee.expression.text)
    )
      return callee.getText(source);
    const local = ts.isIdentifier(callee) ? functions.get(callee.text) : undefined;
    return local && wrappers.has(local) && ts.isIdentifier(callee) ? callee.text : undefined;
  };
  const summarise = (fn: Fn): void => {
    const params = fn.parameters.map((p) => (ts.isIdentifier(p.name) ? p.name.text : ''));
    const consts = new Map<string, TS.Expression>();
    let found: { param: number; read: string } | undefined;
    const visit = (node: TS.Node): void => {
      if (found) return;
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) consts.set(node.name.text, node.initializer);
      if (ts.isCallExpression(node) && node.arguments[0]) {
        const read = isRead(node);
        const local = ts.isIdentifier(node.expression) ? functions.get(node.expression.text) : undefined;
        const argument = local && wrappers.has(local) ? node.arguments[wrappers.get(local)!.param] : node.arguments[0];
        if (read && argument) {
          const names = namesIn(argument, new Set());
          for (const name of [...names]) if (consts.has(name)) namesIn(consts.get(name)!, names);
          const param = params.findIndex((p) => p !== '' && names.has(p));
          if (param >= 0) found = { param, read };
        }
      }
      ts.forEachChild(node, visit);
    };
    if (fn.body) visit(fn.body);
    if (found) wrappers.set(fn, found);
  };
  // Twice, so a wrapper calling another wrapper of the same module declared after it is seen.
  const all = new Set<Fn>([...functions.values(), ...[...exports.values()].filter((v): v is Fn => typeof v !== 'string')]);
  for (let pass = 0; pass < 2; pass += 1) for (const fn of all) if (!wrappers.has(fn)) summarise(fn);
  for (const [key, target] of exports) {
    const fn = typeof target === 'string' ? functions.get(target) : target;
    const wrapper = fn && wrappers.get(fn);
    if (wrapper) summary.set(key, wrapper);
  }
  return summary;
}
