import { relative, resolve } from 'node:path';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESTree } from '@typescript-eslint/utils';
import { minimatch } from 'minimatch';
import { createRule } from '../src/create-rule.js';
import { handlerModelFor } from '../src/handlers/model.js';
import { manifestFor } from '../src/route-manifest.js';
import { routeLabel } from '../src/routes/route-label.js';
import { MANIFEST_OPTION_SCHEMA, readRouteSettings } from '../src/route-settings.js';
import { fsSinks, mayHaveSinks } from './no-workspace-fs-in-serve-route/fs-sinks.js';
import type { FsSink } from './no-workspace-fs-in-serve-route/fs-sinks.js';
import { ServeScope } from './no-workspace-fs-in-serve-route/serve-scope.js';
import { SourceMatch } from './no-workspace-fs-in-serve-route/source-match.js';
import { WorkspaceFlow } from './no-workspace-fs-in-serve-route/workspace-flow.js';
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
  'serve replicas have no workspace checkout, so workspace data must be compiled into the database and read from there (https://github.com/fleet-dev/fleet/blob/main/docs/rules/no-workspace-fs-in-serve-route.md)';

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
            description: 'Globs of files that only serve replicas run: every function in them is checked. Default: `settings.fleet.serveFiles`.',
          },
        },
      },
    ],
    messages: {
      fleetOkRoute: `\`{{callee}}\` reads a workspace path (from \`{{source}}\`) in fleet-ok route \`{{route}}\`{{via}}; ${BOUNDARY}, or declare the route \`ide-only\`.`,
      noManifest: `\`{{callee}}\` reads a workspace path (from \`{{source}}\`) in handler \`{{handler}}\`{{via}}, which any replica may answer while no route manifest exists; ${BOUNDARY}, or declare the route \`ide-only\` in \`fleet.routes.yaml\`.`,
      serveFile: `\`{{callee}}\` reads a workspace path (from \`{{source}}\`) in a file listed in \`serveFiles\`; ${BOUNDARY}.`,
    },
  },
  create(context, [options]) {
    const { sourceCode } = context;
    const { scopeManager } = sourceCode;
    // Cheapest test first: most files import no fs module, and then there is nothing to build.
    if (!scopeManager || !/\bfs\b|glob|Bun\.file|Deno\./.test(sourceCode.text)) return {};
    // The handler model reads the imports once for every rule (and is built anyway by the other rules).
    const model = handlerModelFor(context);
    const { imports } = model;
    if (!mayHaveSinks(imports, sourceCode.text)) return {};
    const settings = readRouteSettings((context.settings as { fleet?: unknown }).fleet);
    const serveGlobs = options.serveFiles ?? settings.serveFiles;
    const file = relative(context.cwd, context.filename).split('\\').join('/');
    const serveFile = serveGlobs.some((glob) => minimatch(file, glob, { dot: true }));
    if (model.handlers.length === 0 && !serveFile) return {};
    const sinks = fsSinks(imports, scopeManager);
    if (sinks.length === 0) return {};
    const manifest = manifestFor(context.filename, options.manifest ?? settings.manifest, context.cwd);
    const scope = new ServeScope(model, manifest, serveFile, sourceCode.ast, context.filename);
    if (scope.empty) return {};
    const flow = new WorkspaceFlow({
      scopeManager,
      imports,
      sources: new SourceMatch(settings.workspaceSources),
      filename: resolve(context.cwd, context.filename),
      textOf: (node) => sourceCode.getText(node),
      runsPerRequest: (node) => scope.reasonFor(node) !== undefined,
    });

    const labelContext = { model, ast: sourceCode.ast, filename: resolve(context.cwd, context.filename), projectRoot: context.cwd };

    function verdictOf(sink: FsSink): Verdict {
      const paths = sink.path?.type === AST_NODE_TYPES.ArrayExpression ? sink.path.elements : [sink.path];
      for (const path of paths) {
        const verdict = path ? flow.of(path) : undefined;
        if (verdict?.kind === 'workspace') return verdict;
      }
      const cwd = sink.options?.type === AST_NODE_TYPES.ObjectExpression ? sink.options.properties.find(isCwd) : undefined;
      return cwd ? flow.of(cwd.value) : undefined;
    }

    function check(sink: FsSink): void {
      const reason = scope.reasonFor(sink.call);
      if (!reason) return;
      const verdict = verdictOf(sink);
      if (verdict?.kind !== 'workspace') return;
      const callee = sourceCode.getText(sink.callee);
      const name = callee.length > 40 ? `${callee.slice(0, 37)}...` : callee;
      const { source } = verdict;
      if (reason.kind === 'serveFile') {
        context.report({ node: sink.call, messageId: 'serveFile', data: { callee: name, source } });
        return;
      }
      const via = reason.reach.chain.length === 0 ? '' : ` (via \`${reason.reach.chain.join('` → `')}\`)`;
      if (reason.kind === 'fleetOkRoute') context.report({ node: sink.call, messageId: 'fleetOkRoute', data: { callee: name, source, route: reason.route, via } });
      else context.report({ node: sink.call, messageId: 'noManifest', data: { callee: name, source, handler: routeLabel(reason.reach.handler, labelContext), via } });
    }

    return {
      Program() {
        for (const sink of sinks) check(sink);
      },
    };
  },
});

function isCwd(property: TSESTree.ObjectLiteralElement): property is TSESTree.Property {
  return property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'cwd';
}
