import path from 'node:path';
import { ESLintUtils } from '@typescript-eslint/utils';
import type { RuleWithMetaAndName } from '@typescript-eslint/utils/eslint-utils';
import { beginFile } from './modules/file-stats.js';
import { setHostFile } from './modules/module-source.js';

/** Extra `meta.docs` fields every Fleet rule declares (read by the presets and the docs generator). */
export interface FleetRuleDocs {
  /** In the `recommended` and `recommended-type-checked` presets. */
  recommended: boolean;
  /** True when the rule does nothing without type information; false when types only sharpen it. */
  requiresTypeChecking: boolean;
}

const creator = ESLintUtils.RuleCreator<FleetRuleDocs>((name) => `https://github.com/fleet-dev/fleet/blob/main/docs/rules/${name}.md`);

/**
 * Creates a Fleet rule with `meta.docs.url` pointing at `docs/rules/<name>.md` on GitHub.
 * Use as `createRule({ name, meta, create })`, defaults in `meta.defaultOptions`.
 *
 * The plugin depends on `@typescript-eslint/utils` `^8.40.0`, so npm reuses the user's copy;
 * before 8.56 its `RuleCreator` read defaults only from a top-level `defaultOptions` (and crashed
 * in `applyDefault` without one), so they are handed over in both places.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<RuleWithMetaAndName<Options, MessageIds, FleetRuleDocs>>,
): ESLintUtils.RuleModule<MessageIds, Options, FleetRuleDocs> {
  const defaults = rule.meta.defaultOptions ?? ([] as unknown as Options);
  // eslint-disable-next-line @typescript-eslint/no-deprecated -- read by @typescript-eslint/utils < 8.56 (see above)
  const created = creator({ ...rule, defaultOptions: defaults });
  // `RuleCreator` merges the defaults into the options with a `structuredClone` for every file.
  // The options are JSON (the schema says so) and the same for every file of one configuration,
  // so the merge is done once per distinct options (frozen: a rule cannot change what the next
  // file gets).
  const merged = new Map<string, Options>();
  // ESLint hands every file of one configuration the same options array: looked up by identity first.
  const byArray = new WeakMap<object, Options>();
  return {
    ...created,
    create(context) {
      // One linted file: the project-reading layer's remembered stats are for the previous one.
      beginFile(context.sourceCode);
      recordHostFile(context);
      let options = byArray.get(context.options);
      if (options === undefined) {
        const key = JSON.stringify(context.options);
        options = merged.get(key);
        if (options === undefined) {
          options = deepFreeze(ESLintUtils.applyDefault(defaults, context.options as Options | null) as Options);
          merged.set(key, options);
        }
        byArray.set(context.options, options);
      }
      return rule.create(context, options);
    },
  };
}

/** What `recordHostFile` reads of typescript-eslint's parser services (absent with other parsers). */
interface HostServices {
  readonly esTreeNodeToTSNodeMap?: { get(node: unknown): unknown };
  readonly program?: unknown;
}

/**
 * Tells the project-reading layer which file is being linted and how to get TypeScript's tree of
 * it from the host's parse (typescript-eslint's parser keeps it in its node maps), so that reading
 * the linted file as another module's import does not parse it again; with type information, the
 * host's program has every project file parsed already, and those trees are used too. Files a processor extracted
 * (a code block of a Markdown file) are not on disk as linted, so they are left out.
 */
function recordHostFile(
  context: Readonly<{
    filename: string;
    physicalFilename: string;
    sourceCode: Readonly<{ text: string; ast: unknown; parserServices?: unknown }>;
  }>,
): void {
  const file = context.physicalFilename;
  if (file !== context.filename || !path.isAbsolute(file)) return;
  const { sourceCode } = context;
  const services = sourceCode.parserServices as HostServices | undefined;
  setHostFile(
    file,
    sourceCode.text,
    () => services?.esTreeNodeToTSNodeMap?.get(sourceCode.ast),
    () => services?.program,
  );
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
