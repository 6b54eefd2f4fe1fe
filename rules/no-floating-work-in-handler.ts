import { dirname, relative, resolve } from 'node:path';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../src/create-rule.js';
import { handlerModelFor } from '../src/handlers/model.js';
import type { HandlerReach } from '../src/handlers/types.js';
import { routeLabel } from '../src/routes/route-label.js';
import { readFleetSettings } from '../src/settings.js';
import { typeServices } from '../src/type-services.js';
import { AllowComments } from './no-floating-work-in-handler/allow-comment.js';
import { matchesCalleePattern } from '../src/handlers/callee-pattern.js';
import { endsWithRequest, enclosingSpawnSites } from './no-floating-work-in-handler/ends-with-request.js';
import { enqueueRewrite } from './no-floating-work-in-handler/enqueue-suggestion.js';
import type { FileContext } from './no-floating-work-in-handler/file-context.js';
import { enclosingFunction, floatingWorkOf, settlesEnclosingPromise } from './no-floating-work-in-handler/floating-work.js';
import type { FloatingKind } from './no-floating-work-in-handler/floating-work.js';
import { importedValueLookup } from './no-floating-work-in-handler/imported-value.js';
import { spawnAliases } from './no-floating-work-in-handler/spawn-aliases.js';
import { isPartOfResponse } from './no-floating-work-in-handler/part-of-response.js';
import { isDeclaredPromise, keptPromiseWork } from './no-floating-work-in-handler/kept-promise.js';
import { isTestModule } from './no-floating-work-in-handler/test-module.js';
import { helperFloatOf } from './no-floating-work-in-handler/helper-float.js';
import { spawnSiteOf } from './no-floating-work-in-handler/spawn-site.js';
import type { SpawnKind, SpawnSite } from './no-floating-work-in-handler/spawn-site.js';

/** Rule options. */
export type Options = [
  {
    /** Accept `after()` / `waitUntil()` (not durable, but tied to the platform's request lifetime). Default `false`. */
    allowPlatformDeferral?: boolean;
    /** Callee patterns that may run detached, e.g. `metrics.increment`, `logger.*`. Default `[]`. */
    allowCalls?: string[];
  },
];

/** Message ids. */
export type MessageIds = FloatingKind | SpawnKind | 'floatingInHelper' | 'timerInHelper' | 'emptyAllowReason' | 'awaitIt' | 'enqueueTask';

const CODEMOD = 'move it to a durable task with `npx fleet codemod spawn-to-taskspec`';

export default createRule<Options, MessageIds>({
  name: 'no-floating-work-in-handler',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow work started in a request handler that can outlive the response',
      recommended: true,
      requiresTypeChecking: false,
    },
    hasSuggestions: true,
    defaultOptions: [{ allowPlatformDeferral: false, allowCalls: [] }],
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowPlatformDeferral: {
            type: 'boolean',
            description:
              'Allow `after()` (Next.js) and `waitUntil()` (Vercel, Workers): not durable, but bound to the platform request lifetime.',
          },
          allowCalls: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Dotted callee patterns that may run detached (`*` = one segment, `**` = any), e.g. `metrics.increment`, `logger.*`.',
          },
        },
      },
    ],
    messages: {
      floatingPromise: `\`{{callee}}\` in handler \`{{handler}}\`{{via}} is neither awaited nor returned, so it dies with the response; \`await\` it, or ${CODEMOD}.`,
      voidedPromise: `\`void\` silences the rejection of \`{{callee}}\` in handler \`{{handler}}\`{{via}} but does not keep the work alive; \`await\` it, or ${CODEMOD}.`,
      caughtPromise: `\`.catch()\` handles the rejection of \`{{callee}}\` in handler \`{{handler}}\`{{via}} but does not keep the work alive; \`await\` it, or ${CODEMOD}.`,
      unawaitedEnqueue:
        'The enqueue `{{callee}}` in handler `{{handler}}`{{via}} is not awaited, so the task may not be committed before the response; `await` it.',
      timer: `\`{{callee}}()\` in handler \`{{handler}}\`{{via}} schedules work that outlives the response and is lost on redeploy or crash; run it inline with \`await\`, or ${CODEMOD}.`,
      detachedProcess: `A detached or unref'd child process (\`{{callee}}()\`) in handler \`{{handler}}\`{{via}} outlives the response with no retry or status; ${CODEMOD}.`,
      workerThread: `\`new {{callee}}()\` in handler \`{{handler}}\`{{via}} runs work that is not awaited and outlives the response; await its result, or ${CODEMOD}.`,
      platformDeferral: `\`{{callee}}()\` in handler \`{{handler}}\`{{via}} runs work after the response but is not durable (no retry, lost on crash); ${CODEMOD}, or set \`allowPlatformDeferral\`.`,
      floatingInHelper: `\`{{callee}}\` in handler \`{{handler}}\`{{via}} starts work it does not wait for (\`{{work}}\` at {{site}}), which dies with the response; \`await\` it in the helper, or ${CODEMOD}.`,
      timerInHelper: `\`{{callee}}\` in handler \`{{handler}}\`{{via}} schedules work that outlives the response (\`{{work}}\` at {{site}}) and is lost on redeploy or crash; run it inline with \`await\` in the helper, or ${CODEMOD}.`,
      emptyAllowReason: 'The `fleet-allow-spawn` comment needs a reason after the colon, e.g. `// fleet-allow-spawn: sub-second metric`.',
      awaitIt: 'Await it.',
      enqueueTask: 'Enqueue the existing task `{{task}}` instead (the rewrite of `npx fleet codemod spawn-to-taskspec`).',
    },
  },
  create(context, [options]) {
    // A test builds its own app around a handler; nothing it starts runs in production.
    if (isTestModule(context.filename)) return {};
    const model = handlerModelFor(context);
    if (model.handlers.length === 0) return {};
    const { sourceCode } = context;
    const types = typeServices(context);
    const { imports } = model;
    const file: FileContext = {
      sourceCode,
      imports,
      types,
      queues: readFleetSettings(context.settings.fleet).queues,
      importedValue: types ? undefined : importedValueLookup(context.physicalFilename, imports),
      spawnAliases: spawnAliases(imports),
    };
    // Cross-module reach (floating work inside an imported helper) reads summaries in both modes.
    const helperValue = file.importedValue ?? importedValueLookup(context.physicalFilename, imports);
    const allowComments = new AllowComments(sourceCode);
    const allowCalls = options.allowCalls ?? [];

    function reachOf(node: TSESTree.Node): HandlerReach | undefined {
      const reaches = model.reachesOf(node);
      return reaches.reduce<HandlerReach | undefined>(
        (best, reach) => (!best || reach.chain.length < best.chain.length ? reach : best),
        undefined,
      );
    }

    const isAllowedCall = (path: readonly string[] | undefined): boolean =>
      path !== undefined && allowCalls.some((pattern) => matchesCalleePattern(path, pattern));

    /**
     * Whether work nested in the argument of a timer is already covered by the timer's own report
     * (moving the timer to a task moves its callback). A timer that ends with the request (cleared,
     * awaited) or is allowed covers nothing, and neither does `after()` / `waitUntil()`: the
     * platform waits only for the promise it is given, so work the callback starts and does not
     * join outlives even the deferral (`waitUntil(upload().then(() => { remove(old); }))`).
     */
    function isCoveredBySpawn(node: TSESTree.Node): boolean {
      for (const site of enclosingSpawnSites(node, file)) if (coversItsCallback(site)) return true;
      return false;
    }

    function coversItsCallback(site: SpawnSite): boolean {
      return site.kind === 'timer' && !isAllowedCall(site.path) && !endsWithRequest(site, file);
    }

    function report(
      node: TSESTree.Node,
      kind: MessageIds,
      callee: string,
      path: readonly string[] | undefined,
      reach: HandlerReach,
      suggest: TSESLint.ReportSuggestionArray<MessageIds> | null,
      extra: Record<string, string> = {},
    ): void {
      if (isAllowedCall(path)) return;
      const allow = allowComments.for(node);
      if (allow && allow.reason !== '') return;
      const via = reach.chain.length === 0 ? '' : ` (via \`${reach.chain.join('` → `')}\`)`;
      const labelContext = { model, ast: sourceCode.ast, filename: resolve(context.cwd, context.filename), projectRoot: context.cwd };
      const data = { callee, handler: routeLabel(reach.handler, labelContext), via, ...extra };
      if (allow) context.report({ node: allow.comment, messageId: 'emptyAllowReason' });
      else context.report({ node, messageId: kind, data, ...(suggest ? { suggest } : {}) });
    }

    function checkStatement(expression: TSESTree.Expression): void {
      const reach = reachOf(expression);
      if (!reach) return;
      const work = floatingWorkOf(expression, file);
      if (!work || settlesEnclosingPromise(work, file) || isPartOfResponse(work, reach.handler, file)) return;
      // `p.catch(log)` on `const p = send()` is judged, and reported, at the declaration.
      if (isCoveredBySpawn(work.node) || isDeclaredPromise(work, file)) return;
      report(work.node, work.kind, work.callee, work.path, reach, withEnqueue(work.node, work.kind, awaitSuggestion(work.node)));
    }

    function checkDeclaration(declarator: TSESTree.VariableDeclarator): void {
      if (!declarator.init) return;
      const reach = reachOf(declarator);
      if (!reach) return;
      const work = keptPromiseWork(
        declarator,
        file,
        (drop) => settlesEnclosingPromise(drop, file) || isPartOfResponse(drop, reach.handler, file),
      );
      if (!work || isCoveredBySpawn(work.node)) return;
      // Awaiting the initialiser would change what the variable holds: no suggestion.
      report(work.node, work.kind, work.callee, work.path, reach, null);
    }

    /**
     * A call of a project helper from another module whose body floats work, there or in a helper
     * of a third module it calls (from the cached summaries, see `floatingThrough`); a timer the
     * chain ends in is reported as a timer.
     */
    function checkHelperCall(node: TSESTree.CallExpression): void {
      const reach = reachOf(node);
      const helper = reach && helperFloatOf(node, file, helperValue);
      if (!reach || !helper || isCoveredBySpawn(node)) return;
      // Relative to the linted module, as its import names the helper (`../services/notify.ts:7`).
      const site = `${relative(dirname(context.physicalFilename), helper.site.file).split('\\').join('/')}:${helper.site.line}`;
      report(node, helper.site.timer ? 'timerInHelper' : 'floatingInHelper', helper.callee, helper.path, reach, null, {
        work: helper.site.work,
        site,
      });
    }

    function checkSpawn(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const site = spawnSiteOf(node, file);
      if (!site || (site.kind === 'platformDeferral' && options.allowPlatformDeferral === true)) return;
      const reach = reachOf(node);
      if (!reach || endsWithRequest(site, file) || isCoveredBySpawn(node)) return;
      report(node, site.kind, site.callee, site.path, reach, withEnqueue(node, site.kind, null));
    }

    /** Adds the codemod's rewrite when it is one range onto an existing task variant. */
    function withEnqueue(
      node: TSESTree.Node,
      kind: MessageIds,
      suggest: TSESLint.ReportSuggestionArray<MessageIds> | null,
    ): TSESLint.ReportSuggestionArray<MessageIds> | null {
      const rewrite = enqueueRewrite(node, kind, sourceCode, context.physicalFilename);
      if (!rewrite) return suggest;
      return [
        ...(suggest ?? []),
        { messageId: 'enqueueTask', data: { task: rewrite.task }, fix: (fixer) => fixer.replaceTextRange(rewrite.range, rewrite.text) },
      ];
    }

    /** `await` is only valid directly in an async function, and only safe in front of a call. */
    function awaitSuggestion(node: TSESTree.Expression): TSESLint.ReportSuggestionArray<MessageIds> | null {
      if (enclosingFunction(node)?.async !== true) return null;
      if (node.type === AST_NODE_TYPES.UnaryExpression) {
        const start = node.range[0];
        return [{ messageId: 'awaitIt', fix: (fixer) => fixer.replaceTextRange([start, start + 'void'.length], 'await') }];
      }
      if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression) return null;
      return [{ messageId: 'awaitIt', fix: (fixer) => fixer.insertTextBefore(node, 'await ') }];
    }

    return {
      ExpressionStatement(node) {
        checkStatement(node.expression);
      },
      'ArrowFunctionExpression > UnaryExpression.body'(node: TSESTree.UnaryExpression) {
        checkStatement(node);
      },
      VariableDeclarator: checkDeclaration,
      CallExpression(node) {
        checkSpawn(node);
        checkHelperCall(node);
      },
      NewExpression: checkSpawn,
    };
  },
});
