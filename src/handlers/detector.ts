/**
 * The interface every framework detector implements. A detector reads one parsed module and
 * returns the handlers it recognises; `getHandlerModel` runs them all and merges the results.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import type { FleetSettings } from '../settings.js';
import type { ExternalHandler, ExternalRoute, HandlerFinding, ImportIndex } from './types.js';

/** Everything a detector may read. Built once per file by `getHandlerModel`. */
export interface DetectContext {
  readonly ast: TSESTree.Program;
  readonly scopeManager: ScopeManager;
  /** Path of the file as ESLint reports it (may be relative or `<input>`). */
  readonly filename: string;
  readonly settings: FleetSettings;
  /** Import/require bindings of the module, resolved through `const` aliases. */
  readonly imports: ImportIndex;
  /** The project root (ESLint's cwd) when known: test files are recognised by their path relative to it. */
  readonly projectRoot?: string | undefined;
  /** Source text when known; detectors use it only for cheap pre-filters. */
  readonly text: string | undefined;
  /**
   * Where detectors put route registrations whose handler is in another module (see
   * `ExternalRoute`): a second output beside the returned handlers, so the `Detector` signature
   * stays one function returning what has a local function.
   */
  readonly externalRoutes: ExternalRoute[];
  /** Where detectors put handler arguments that name no function of this module (see `ExternalHandler`). */
  readonly externalHandlers: ExternalHandler[];
}

/** Recognises the handlers of one framework (or one convention) in a module. */
export type Detector = (ctx: DetectContext) => HandlerFinding[];
