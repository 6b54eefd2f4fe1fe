/**
 * The follow-up work a mutating route does after its write: either a seeded hazard (work that
 * can outlive the response) or a correct form (awaited, joined, enqueued and awaited, or an
 * allowed fire-and-forget with a written reason). Roughly a third of mutating routes get a hazard.
 */
const HAZARDS = ['floating', 'void', 'catch', 'then', 'timer', 'enqueue', 'queue-add', 'helper'];
const SAFE = ['await', 'all', 'await-enqueue', 'await-queue-add', 'allowed', 'none', 'none'];

/**
 * @typedef {{ text: string, hazard?: string }} Item
 * @typedef {{ svc: string, T: string, id: string, idExpr: string, itemExpr: string, indent: string }} Site
 */

/**
 * @param {import('./random.js').Random} rnd
 * @param {Site} s
 * @param {{ after?: boolean, svc?: string }} platform `after` is offered for Next.js files; the
 *   same-module helper only where the service is a module binding (not `this.service`)
 * @param {Set<string>} uses collects what the file must import or define (`logger`, `enqueue`, ...)
 * @returns {Item[]}
 */
export function sideEffect(rnd, s, platform, uses) {
  const base = platform.svc?.startsWith('this.') ? HAZARDS.filter((h) => h !== 'helper') : HAZARDS;
  const hazards = platform.after ? [...base, 'after'] : base;
  const kind = rnd.chance(0.33) ? rnd.pick(hazards) : rnd.pick(SAFE);
  const i = s.indent;
  const notify = `${s.svc}.notify${s.T}(${s.idExpr})`;
  const task = `TaskSpec.Notify({ table: '${s.id}', id: ${s.idExpr} })`;
  switch (kind) {
    case 'floating':
      return [{ text: `${i}${notify};`, hazard: kind }];
    case 'void':
      return [{ text: `${i}void ${notify};`, hazard: kind }];
    case 'catch':
      uses.add('logger');
      return [
        {
          text: `${i}${s.svc}.sync${s.T}ToCrm(${s.itemExpr}).catch((error: unknown) => logger.error('crm sync failed', { error }));`,
          hazard: kind,
        },
      ];
    case 'then':
      uses.add('logger');
      return [{ text: `${i}${s.svc}.reindex${s.T}().then((count) => logger.info('reindexed', { count }));`, hazard: kind }];
    case 'timer':
      uses.add('logger');
      return [{ text: `${i}setTimeout(() => logger.info('${s.id} follow-up due', { id: ${s.idExpr} }), 60_000);`, hazard: kind }];
    case 'enqueue':
      uses.add('enqueue');
      return [{ text: `${i}enqueue(${task});`, hazard: kind }];
    case 'queue-add':
      uses.add('queue');
      return [{ text: `${i}queue.add('notify', { id: ${s.idExpr} });`, hazard: kind }];
    case 'helper':
      uses.add('helper');
      return [{ text: `${i}scheduleFollowUp(${s.idExpr});` }];
    case 'after':
      uses.add('after');
      return [{ text: `${i}after(() => ${notify});`, hazard: kind }];
    case 'await':
      return [{ text: `${i}await ${notify};` }];
    case 'all':
      return [{ text: `${i}await Promise.all([${notify}, ${s.svc}.sync${s.T}ToCrm(${s.itemExpr})]);` }];
    case 'await-enqueue':
      uses.add('enqueue');
      return [{ text: `${i}await enqueue(${task});` }];
    case 'await-queue-add':
      uses.add('queue');
      return [{ text: `${i}await queue.add('notify', { id: ${s.idExpr} });` }];
    case 'allowed':
      return [
        { text: `${i}// fleet-allow-spawn: best-effort cache warm-up, sub-second, losing it is harmless` },
        { text: `${i}void ${s.svc}.get${s.T}(${s.idExpr});` },
      ];
    default:
      return [];
  }
}

/**
 * Imports and module-level definitions a file needs for the side effects it used.
 * `helper` is the same-module function that the handler calls and that floats a promise itself.
 * @param {Set<string>} uses
 * @param {string} root relative path from the file to `src/` (e.g. `../..`)
 * @param {string} svc namespace name of the domain service
 * @param {string} T entity type name
 * @returns {{ imports: string[], defs: Item[] }}
 */
export function sideEffectSupport(uses, root, svc, T) {
  const imports = [];
  /** @type {Item[]} */
  const defs = [];
  if (uses.has('logger')) imports.push(`import { logger } from '${root}/logger.js';`);
  if (uses.has('enqueue')) {
    imports.push("import { enqueue } from 'fleet-runtime';", `import { TaskSpec } from '${root}/tasks.js';`);
  }
  if (uses.has('queue')) {
    imports.push("import { Queue } from 'bullmq';");
    defs.push({ text: `const queue = new Queue('${T.toLowerCase()}-events');` }, { text: '' });
  }
  if (uses.has('after')) imports.push("import { after } from 'next/server';");
  if (uses.has('helper')) {
    defs.push(
      { text: 'function scheduleFollowUp(id: string): void {' },
      { text: `  ${svc}.notify${T}(id);`, hazard: 'helper' },
      { text: '}' },
      { text: '' },
    );
  }
  return { imports, defs };
}
