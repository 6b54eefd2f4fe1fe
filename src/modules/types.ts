/**
 * What Fleet knows about a project's own modules without type information: a summary of each
 * module's exports, proven from its source alone (see `summariseModule`).
 */

/** A class of an npm package, named by module and export path (`pg-boss` + `['PgBoss']`). */
export interface PackageExport {
  /** Module specifier as written, `node:` prefix removed. */
  readonly module: string;
  /** Export path inside the module; `[]` = the default export / the module itself. */
  readonly path: readonly string[];
}

/** What one exported value is. Anything not provable is absent from the summary (unknown). */
export type ValueSummary =
  | {
      /** A function; `returnsPromise` is true only when every call is proven to return a promise. */
      readonly kind: 'function';
      readonly returnsPromise: boolean;
      /** The first work its body starts and does not wait for (see `floatingSiteOf`). */
      readonly floats?: FloatingSite;
      /** Calls its body makes of functions imported from other project modules (see `floatingThrough`). */
      readonly calls?: readonly ModuleCall[];
    }
  | {
      /** An object literal or an instance of a class of the same module, with its known members. */
      readonly kind: 'object';
      readonly members: ReadonlyMap<string, ValueSummary>;
    }
  | {
      /** A class: methods of its instances and its static members. */
      readonly kind: 'class';
      readonly instance: ReadonlyMap<string, ValueSummary>;
      readonly statics: ReadonlyMap<string, ValueSummary>;
    }
  | {
      /** An instance built from a package: `new PgBoss(...)`, `await makeWorkerUtils(...)`. */
      readonly kind: 'instance';
      readonly of: PackageExport;
    }
  | {
      /** An export of another project module (`export { x } from './y'`); `name: '*'` = its namespace. */
      readonly kind: 'reexport';
      readonly file: string;
      readonly name: string;
    };

/** Work a function of a project module starts and does not wait for. */
export interface FloatingSite {
  /** Absolute path of the module. */
  readonly file: string;
  /** 1-based line of the statement. */
  readonly line: number;
  /** The work as written, for messages (`void sendEmail()`, `setTimeout()`). */
  readonly work: string;
  /** The work is a global timer (`setTimeout()`), reached directly or through the calls in `work`. */
  readonly timer?: boolean;
  /** The work starts only when a parameter of the function is truthy (`if (restart) stopApp();`). */
  readonly onlyIf?: ParameterGuard;
}

/**
 * `if (restartEnabled) ...` with no `else`, where `restartEnabled` is a parameter of the function:
 * a call that passes `false` for it (or omits it when its default is falsy) does not start what
 * the branch starts.
 */
export interface ParameterGuard {
  /** 0-based index of the parameter. */
  readonly index: number;
  /** The parameter has no default or a `false` default: omitting the argument skips the branch. */
  readonly omittedIsFalse: boolean;
}

/**
 * A call, in a function of a project module, of a function another project module exports
 * (`stopApp()` imported from `./helper`), directly or through same-module calls
 * (`this.updateMany()` → `stopApp()`). Kept as a reference so each module's summary stays its
 * own; `floatingThrough` follows it when a handler calls the function.
 */
export interface ModuleCall {
  /** Absolute path of the module that makes the call. */
  readonly file: string;
  /** The call as written, same-module hops first (`this.updateMany() → stopApp`), for messages. */
  readonly text: string;
  /** The import the callee names: specifier as written, imported name, members after it. */
  readonly module: string;
  readonly name: string;
  readonly members: readonly string[];
  /** The call happens only when a parameter of the calling function is truthy. */
  readonly onlyIf?: ParameterGuard;
}

/** The exports of one module. */
export interface ModuleSummary {
  /** Absolute path of the module. */
  readonly file: string;
  /** Exports by name; `default` is the default export or CommonJS `module.exports`. */
  readonly exports: ReadonlyMap<string, ValueSummary>;
  /** Absolute paths of modules re-exported wholesale (`export * from './x'`). */
  readonly starFrom: readonly string[];
}
