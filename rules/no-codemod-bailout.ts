import { createRule } from '../src/create-rule.js';

/** Rule options: none. */
export type Options = [];

/** Message ids. */
export type MessageIds = 'bailout' | 'bailoutWithoutReason';

/** `fleet-codemod-bailout: <reason>` as `--mark-bailouts` writes it, in a line or block comment. */
const MARKER = /^\s*\*?\s*fleet-codemod-bailout\b:?\s*([\w-]*)/m;

export default createRule<Options, MessageIds>({
  name: 'no-codemod-bailout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow `fleet-codemod-bailout` markers left by a codemod at sites it could not migrate',
      recommended: true,
      requiresTypeChecking: false,
    },
    schema: [],
    messages: {
      bailout:
        'The codemod could not migrate the next site (`{{reason}}`); fix what the reason says and re-run `npx fleet codemod spawn-to-taskspec`, or migrate it by hand, then delete this marker.',
      bailoutWithoutReason:
        'A codemod left this site unmigrated; migrate it (see `npx fleet codemod spawn-to-taskspec --help`), then delete this marker.',
    },
  },
  create(context) {
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const match = MARKER.exec(comment.value);
          if (!match) continue;
          const reason = match[1] ?? '';
          if (reason === '') context.report({ loc: comment.loc, messageId: 'bailoutWithoutReason' });
          else context.report({ loc: comment.loc, messageId: 'bailout', data: { reason } });
        }
      },
    };
  },
});
