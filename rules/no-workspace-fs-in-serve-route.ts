import { relative, resolve } from 'node:path';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { minimatch } from 'minimatch';
import { createRule } from '../src/create-rule.js';
import { handlerModelFor } from '../src/handlers/model.js';
import { manifestFor } from '../src/route-manifest.js';
import { routeLabel } from '../src/routes/route-label.js';
import { MANIFEST_OPTION_SCHEMA, readRouteSettings } from '../src/route-settings.js';
import { fsSinks, mayHaveSinks, staticSinks } from './no-workspace-fs-in-serve-route/fs-sinks.js';
import type { FsSink } from './no-workspace-fs-in-serve-route/fs-sinks.js';
import { wrapperSinks } from './no-workspace-fs-in-serve-route/fs-wrappers.js';
import { mayHaveResponseSinks, responseSinks } from './no-workspace-fs-in-serve-route/response-sinks.js';
import { ServeScope } from './no-workspace-fs-in-serve-route/serve-scope.js';
import { SourceMatch } from './no-workspace-fs-in-serve-route/source-match.js';
import { isLocalDisk, WorkspaceFlow } from './no-workspace-fs-in-serve-route/workspace-flow.js';
import type { Verdict } from './no-workspace-fs-in-serve-route/workspace-flow.js';

/** Rule options. */
export type Options = [
  {
    /** Manifest path, relative to ESLint's cwd. Default: `settings.fleet.manifest`, else the nearest `fleet.routes.yaml`. */
    manifest?: string;
    /** Globs (relative to ESLint's cwd) of files only serve replicas run. Default: `settings.fleet.serveFiles`, else `[]`. */
    serveFiles?: string[];
  },
];

/** Message ids. */
export type MessageIds = 'fleetOkRoute' | 'noManifest' | 'serveFile';

const BOUNDARY =
  'another replica does not have that file, so the data must be compiled into the database (or object storage) and read from there (https://github.com/fleet-dev/fleet/blob/main/docs/rules/no-workspace-fs-in-serve-route.md)';
const WHAT = { workspace: 'a workspace path', local: 'a local-disk path' } as const;

export default createRule<Options, MessageIds>({
  name: 'no-workspace-fs-in-serve-route',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow reading workspace files in routes that any serve replica answers',
      recommended: true,
      requiresTypeChecking: false,
    },
    defaultOptions: [{}],
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          manifest: MANIFEST_OPTION_SCHEMA,
          serveFiles: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Globs of files that only serve replicas run: every function in them is checked. Default: `settings.fleet.serveFiles`.',
          },
        },
      },
    ],
    messages: {
      fleetOkRoute: `\`{{callee}}\` reads {{what}} (derived from \`{{source}}\`) in fleet-ok route \`{{route}}\`{{via}}; ${BOUNDARY}, or declare the route \`ide-only\`.`,
      noManifest: `\`{{callee}}\` reads {{what}} (derived from \`{{source}}\`) in handler \`{{handler}}\`{{via}}, which any replica may answer while no route manifest exists; ${BOUNDARY}, or declare the route \`ide-only\` in \`fleet.routes.yaml\`.`,
      serveFile: `\`{{callee}}\` reads {{what}} (derived from \`{{source}}\`) in a file listed in \`serveFiles\`; ${BOUNDARY}.`,
    },
  },
  create(context, [options]) {
    const { sourceCode } = context;
    // Cheapest tests first: a read needs an fs module, a response send or an import of the
    // project's own modules (an fs wrapper), and a handler or serve file to run in. The scope
    // manager is asked for only then (oxlint computes it on request).
    if (!/\bfs\b|glob|Bun\.file|Deno\.|\.sendFile\(|\.download\(|\bimport\b|\brequire\(/.test(sourceCode.text)) return {};
    const settings = readRouteSettings((context.settings as { fleet?: unknown }).fleet);
    const serveGlobs = options.serveFiles ?? settings.serveFiles;
    const file = relative(context.cwd, context.filename).split('\\').join('/');
    const serveFile = serveGlobs.some((glob) => minimatch(file, glob, { dot: true }));
    // The handler model reads the imports once for every rule (and is built anyway by the other rules).
    const model = handlerModelFor(context);
    // Static-file middleware over a directory reads under it per request (no manifest, or a serve file).
    const statics = sourceCode.text.includes('static') ? staticSinks(model.imports) : [];
    if (model.handlers.length === 0 && !serveFile && statics.length === 0) return {};
    const { scopeManager } = sourceCode;
    if (!scopeManager) return {};
    const { imports } = model;
    const direct = mayHaveSinks(imports, sourceCode.text);
    const sends = mayHaveResponseSinks(sourceCode.text, imports);
    const filename = resolve(context.cwd, context.filename);
    // One sink per call: a vendored `fs-extra` is both an fs module and a project module.
    const byCall = new Map<TSESTree.CallExpression, FsSink>();
    for (const sink of [
      ...(direct ? fsSinks(imports, scopeManager) : []),
      ...(sends ? responseSinks(sourceCode.ast, imports) : []),
      ...wrapperSinks(filename, imports),
    ]) {
      if (!byCall.has(sink.call)) byCall.set(sink.call, sink);
    }
    const sinks = [...byCall.values()];
    if (sinks.length === 0 && statics.length === 0) return {};
    const manifest = manifestFor(context.filename, options.manifest ?? settings.manifest, context.cwd);
    const scope = new ServeScope(model, manifest, serveFile, sourceCode.ast, context.filename);
    const staticScope = serveFile ? 'serveFile' : manifest.kind === 'none' ? 'noManifest' : undefined;
    if (scope.empty && (statics.length === 0 || staticScope === undefined)) return {};
    const flow = new WorkspaceFlow({
      scopeManager,
      imports,
      sources: new SourceMatch(settings.workspaceSources),
      bundle: new SourceMatch(settings.bundleSources),
      filename,
      textOf: (node) => sourceCode.getText(node),
      runsPerRequest: (node) => scope.reasonFor(node) !== undefined,
    });

    const labelContext = { model, ast: sourceCode.ast, filename: resolve(context.cwd, context.filename), projectRoot: context.cwd };

    function verdictOf(sink: FsSink): Verdict {
      // A root (`sendFile(name, root)`, koa-send's `root`) decides where the file is.
      const root = sink.root ? flow.of(sink.root) : undefined;
      if (root) return root;
      const paths = sink.path?.type === AST_NODE_TYPES.ArrayExpression ? sink.path.elements : [sink.path];
      const cwd = sink.options?.type === AST_NODE_TYPES.ObjectExpression ? sink.options.properties.find(isCwd) : undefined;
      // A glob rooted at `cwd` reads under it; its pattern is relative to that root.
      if (cwd) return flow.of(cwd.value);
      for (const path of paths) {
        const verdict = path && path.type !== AST_NODE_TYPES.SpreadElement ? flow.of(path) : undefined;
        if (isLocalDisk(verdict)) return verdict;
      }
      return undefined;
    }

    function check(sink: FsSink): void {
      const reason = scope.reasonFor(sink.call);
      if (!reason) return;
      const verdict = verdictOf(sink);
      if (!isLocalDisk(verdict)) return;
      const text = sourceCode.getText(sink.callee);
      const callee = `${text.length > 40 ? `${text.slice(0, 37)}...` : text}${sink.via ? ` → ${sink.via}` : ''}`;
      const { source } = verdict;
      const what = WHAT[verdict.kind];
      if (reason.kind === 'serveFile') {
        context.report({ node: sink.call, messageId: 'serveFile', data: { callee, what, source } });
        return;
      }
      const via = reason.reach.chain.length === 0 ? '' : ` (via \`${reason.reach.chain.join('` → `')}\`)`;
      if (reason.kind === 'fleetOkRoute')
        context.report({ node: sink.call, messageId: 'fleetOkRoute', data: { callee, what, source, route: reason.route, via } });
      else
        context.report({
          node: sink.call,
          messageId: 'noManifest',
          data: { callee, what, source, handler: routeLabel(reason.reach.handler, labelContext), via },
        });
    }

    /** A static-file middleware (`express.static(dir)`): it serves whatever is under `dir` on this replica. */
    function checkStatic(sink: FsSink): void {
      if (staticScope === undefined) return;
      const verdict = verdictOf(sink);
      // A directory the caller of the function building the middleware passes in (`serve({ outDir })`)
      // is the caller's choice, most often the build output a CLI serves: left alone.
      if (!isLocalDisk(verdict) || enclosingParameters(sink.call).has(verdict.source.split(/[.([]/)[0]!)) return;
      const callee = sourceCode.getText(sink.callee);
      const { source } = verdict;
      const what = WHAT[verdict.kind];
      if (staticScope === 'serveFile') context.report({ node: sink.call, messageId: 'serveFile', data: { callee, what, source } });
      else
        context.report({
          node: sink.call,
          messageId: 'noManifest',
          data: { callee, what, source, handler: `static files middleware ${callee}()`, via: '' },
        });
    }

    return {
      Program() {
        for (const sink of sinks) check(sink);
        for (const sink of statics) if (!byCall.has(sink.call)) checkStatic(sink);
      },
    };
  },
});

function isCwd(property: TSESTree.ObjectLiteralElement): property is TSESTree.Property {
  return (
    property.type === AST_NODE_TYPES.Property &&
    !property.computed &&
    property.key.type === AST_NODE_TYPES.Identifier &&
    property.key.name === 'cwd'
  );
}

/** The names the parameters of the functions around `node` bind (destructured ones included). */
function enclosingParameters(node: TSESTree.Node): ReadonlySet<string> {
  const names = new Set<string>();
  const collect = (pattern: TSESTree.Node): void => {
    if (pattern.type === AST_NODE_TYPES.Identifier) names.add(pattern.name);
    else if (pattern.type === AST_NODE_TYPES.AssignmentPattern) collect(pattern.left);
    else if (pattern.type === AST_NODE_TYPES.RestElement) collect(pattern.argument);
    else if (pattern.type === AST_NODE_TYPES.ArrayPattern) {
      for (const element of pattern.elements) if (element) collect(element);
    } else if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of pattern.properties) collect(property.type === AST_NODE_TYPES.Property ? property.value : property);
    }
  };
  for (let current = node.parent; current; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.FunctionDeclaration ||
      current.type === AST_NODE_TYPES.FunctionExpression ||
      current.type === AST_NODE_TYPES.ArrowFunctionExpression
    )
      for (const param of current.params) collect(param);
  }
  return names;
}
