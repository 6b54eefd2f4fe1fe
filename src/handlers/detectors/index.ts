/**
 * Every handler detector, run in this order by `getHandlerModel`. Framework detectors come
 * first; the name/shape heuristic last (the model keeps `certain` over `heuristic` per function).
 */
import type { Detector } from '../detector.js';
import { detectCustom } from './custom.js';
import { detectExpress } from './express.js';
import { detectFastify } from './fastify.js';
import { detectHeuristic } from './heuristic.js';
import { detectHono } from './hono.js';
import { detectKoa } from './koa.js';
import { detectNestjs } from './nestjs.js';
import { detectNextjs } from './nextjs.js';

export const detectors: readonly Detector[] = [
  detectExpress,
  detectFastify,
  detectKoa,
  detectHono,
  detectNestjs,
  detectNextjs,
  detectCustom,
  // Last: the model keeps a framework detector's `certain` finding over this fallback.
  detectHeuristic,
];
