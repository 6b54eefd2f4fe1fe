import { relative } from 'node:path';
import { classifyPattern } from 'fleet-routes';
import { createRule } from '../src/create-rule.js';
import { fileRoutes } from '../src/file-routes.js';
import { handlerModelFor } from '../src/handlers/model.js';
import { manifestFor } from '../src/route-manifest.js';
import { MANIFEST_OPTION_SCHEMA, readRouteSettings } from '../src/route-settings.js';
import { reportNode } from './require-route-role/report-node.js';
import { routeRegistrations } from './require-route-role/route-registrations.js';

/** Rule options. */
export type Options = [
  {
    /** Manifest path, relative to ESLint's cwd. Default: `settings.fleet.manifest`, else the nearest `fleet.routes.yaml`. */
    manifest?: string;
    /** Report routes whose full path cannot be resolved statically. Default `true`. */
    reportUnresolved?: boolean;
  },
];

/** Message ids. */
export type MessageIds = 'undeclared' | 'unresolved' | 'noManifest' | 'brokenManifest';

const INIT = '`npx fleet routes --init`';

export default createRule<Options, MessageIds>({
  name: 'require-route-role',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every HTTP route to be classified `ide-only` or `fleet-ok` in the route manifest',
      recommended: true,
      requiresTypeChecking: false,
    },
    defaultOptions: [{ reportUnresolved: true }],
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          manifest: MANIFEST_OPTION_SCHEMA,
          reportUnresolved: {
            type: 'boolean',
            description: 'Report routes whose full path (a prefix or the path itself) cannot be resolved statically.',
          },
        },
      },
    ],
    messages: {
      undeclared: `Route \`{{route}}\` has no role in \`{{manifest}}\`; declare it \`ide-only\` or \`fleet-ok\` there, e.g. with ${INIT} (which adds it as \`ide-only\`, reason \`unreviewed\`, for you to review).`,
      unresolved:
        'The full path of route `{{route}}` cannot be resolved statically ({{reason}}), so `{{manifest}}` cannot classify it; write the path and its prefixes as literals or constants, or declare the full path in the manifest by hand and disable this line.',
      noManifest: `No route manifest (\`fleet.routes.yaml\`) applies to this file, so its {{count}} route(s) have no declared role; create one with ${INIT}, or point \`settings.fleet.manifest\` at it.`,
      brokenManifest: 'The route manifest is invalid, so the routes of this file cannot be classified: {{problems}}.',
    },
  },
  create(context, [options]) {
    const model = handlerModelFor(context);
    const registrations = routeRegistrations(model);
    const first = registrations[0];
    if (!first) return {};
    const settings = readRouteSettings((context.settings as { fleet?: unknown }).fleet);
    const lookup = manifestFor(context.filename, options.manifest ?? settings.manifest, context.cwd);
    const firstNode = reportNode(first);

    function check(): void {
      if (lookup.kind === 'none') {
        context.report({ node: firstNode, messageId: 'noManifest', data: { count: registrations.length } });
        return;
      }
      if (lookup.kind === 'broken') {
        const problems = lookup.error.issues.map(
          (issue) => `${relative(context.cwd, issue.file)}:${issue.line}:${issue.column} ${issue.message.replace(/\.$/, '')}`,
        );
        context.report({ node: firstNode, messageId: 'brokenManifest', data: { problems: problems.join('; ') } });
        return;
      }
      const manifest = relative(context.cwd, lookup.file);
      for (const route of fileRoutes(model, context.sourceCode.ast, context.filename, lookup.projectRoot, 'all')) {
        const node = reportNode(route.registration);
        if (!route.resolved) {
          if (options.reportUnresolved !== false)
            context.report({ node, messageId: 'unresolved', data: { route: route.label, reason: route.reason, manifest } });
          continue;
        }
        for (const method of route.methods) {
          if (classifyPattern(lookup.manifest, method, route.pattern)) continue;
          context.report({ node, messageId: 'undeclared', data: { route: `${method} ${route.pattern}`, manifest } });
        }
      }
    }

    return { Program: check };
  },
});
