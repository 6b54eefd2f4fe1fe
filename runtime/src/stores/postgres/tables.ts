/** Schema-qualified, quoted table names of one store; every statement is built from these. */
export interface Tables {
  schema: string;
  tasks: string;
  events: string;
  steps: string;
  schedules: string;
  migrations: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Validate a schema name and quote the table names in it. Names are restricted to lower-case
 * identifiers because they are spliced into SQL text (identifiers cannot be bind parameters).
 */
export function tablesFor(schema: string): Tables {
  if (!IDENTIFIER.test(schema)) {
    throw new Error(
      `fleet-runtime: PostgreSQL schema name "${schema}" is not allowed; use lower-case letters, digits and _ (at most 63, not starting with a digit), e.g. "fleet".`,
    );
  }
  const q = `"${schema}"`;
  return {
    schema: q,
    tasks: `${q}.fleet_tasks`,
    events: `${q}.fleet_events`,
    steps: `${q}.fleet_steps`,
    schedules: `${q}.fleet_schedules`,
    migrations: `${q}.fleet_migrations`,
  };
}
