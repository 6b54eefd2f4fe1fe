/**
 * Every handler detector, run in this order by `getHandlerModel`: the registered frameworks'
 * detectors in registry order (`src/frameworks/index.ts`), then calls of registration helpers
 * inferred from their bodies, then the name/shape heuristic (the
 * model keeps a framework detector's `certain` finding over the heuristic's per function).
 */
import { FRAMEWORKS } from '../../frameworks/index.js';
import type { Detector } from '../detector.js';
import { detectHeuristic } from './heuristic.js';
import { detectRegistrationHelpers } from './registration-helpers.js';

export const detectors: readonly Detector[] = [
  ...FRAMEWORKS.map((framework) => framework.detect),
  detectRegistrationHelpers,
  detectHeuristic,
];
