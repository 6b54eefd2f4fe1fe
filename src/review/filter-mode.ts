/**
 * reviewdog's filter modes, which `fleet review --filter-mode` takes: which findings a review keeps.
 */

/** `added`: on added or modified lines; `diff_context`: on lines of the diff hunks; `file`: in a changed file; `nofilter`: all. */
export const FILTER_MODES = ['added', 'diff_context', 'file', 'nofilter'] as const;
/** One of {@link FILTER_MODES}. */
export type FilterMode = (typeof FILTER_MODES)[number];
