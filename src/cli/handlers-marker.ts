/**
 * An internal rule of the scan's first (syntactic) phase: it reports once on every file whose
 * handler model finds a handler, so the second phase knows which files need type information.
 * Handler detection is syntactic, so the model is the same with or without types; the marker
 * never reaches the user (the scan drops every message that is not a `fleet/` rule's).
 */
import type { Rule } from 'eslint';
import { handlerModelFor } from '../handlers/model.js';
import type { HandlerModelContext } from '../handlers/model.js';

/** The marker's rule id in the scan config. */
export const HANDLERS_MARKER = 'fleet-scan/handlers';

export const handlersMarker: Rule.RuleModule = {
  meta: { type: 'suggestion', schema: [], messages: { handlers: 'This file holds request handlers.' } },
  create(context) {
    return {
      'Program:exit'(node) {
        const model = handlerModelFor(context as unknown as HandlerModelContext);
        if (model.handlers.length > 0) context.report({ node, messageId: 'handlers' });
      },
    };
  },
};
