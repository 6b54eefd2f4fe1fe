import { parseField } from './domain.js';
import { Writer } from './writer.js';

/**
 * `src/models/<id>.model.ts`: the entity type, parsing, validation and a few pure helpers.
 * @param {import('./domain.js').Domain} d
 */
export function modelFile(d) {
  const w = new Writer();
  const T = d.type;
  w.line(`/** ${T}: a row of the \`${d.id}\` table as the API sees it. */`);
  w.line(`export type ${T}Status = 'draft' | 'active' | 'archived';`, '');
  w.line(`export interface ${T} {`, '  id: string;', `  status: ${T}Status;`, '  createdAt: string;');
  for (const [name, type] of d.fields) w.line(`  ${name}: ${type};`);
  w.line('}', '');
  w.line(`export type ${T}Input = Omit<${T}, 'id' | 'createdAt' | 'status'>;`, '');
  w.line(`export function parse${T}(raw: Record<string, unknown>): ${T} {`, '  return {');
  w.line("    id: String(raw.id ?? ''),");
  w.line("    status: raw.status === 'active' || raw.status === 'archived' ? raw.status : 'draft',");
  w.line('    createdAt: String(raw.createdAt ?? new Date(0).toISOString()),');
  for (const field of d.fields) w.line(`    ${field[0]}: ${parseField(field)},`);
  w.line('  };', '}', '');
  w.line(`export function validate${T}(input: Partial<${T}Input>): string[] {`, '  const errors: string[] = [];');
  for (const [name, type] of d.fields) {
    if (type === 'number') {
      w.line(`  if (typeof input.${name} !== 'number' || Number.isNaN(input.${name})) {`);
      w.line(`    errors.push('${name} must be a number');`, '  }');
    } else {
      w.line(`  if (typeof input.${name} !== 'string' || input.${name}.trim().length === 0) {`);
      w.line(`    errors.push('${name} is required');`, '  }');
    }
  }
  w.line('  return errors;', '}', '');
  const label = d.fields.find(([, t]) => t === 'string')?.[0];
  w.line(`export function summarize${T}(item: ${T}): { id: string; label: string } {`);
  w.line(`  return { id: item.id, label: ${label ? `item.${label}` : 'item.id'} };`, '}', '');
  w.line(`export function compare${T}(a: ${T}, b: ${T}): number {`);
  w.line('  if (a.createdAt !== b.createdAt) {', '    return a.createdAt < b.createdAt ? -1 : 1;', '  }');
  w.line('  return a.id.localeCompare(b.id);', '}', '');
  w.line(`export function merge${T}(base: ${T}, patch: Partial<${T}Input>): ${T} {`, '  return {', '    ...base,');
  for (const [name] of d.fields) w.line(`    ${name}: patch.${name} ?? base.${name},`);
  w.line('  };', '}', '');
  w.line(`export function is${T}Active(item: ${T}): boolean {`, "  return item.status === 'active';", '}');
  return w;
}
