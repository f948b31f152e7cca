// The schema of db/schema.ts as PostgreSQL DDL, for the PostgreSQL engine's baseline migration
// (`npm run db:generate:pg` writes it to db/migrations-pg/). Each column keeps SQLite's storage:
// integers are bigint (money in fen and times in ms pass 2^31), text is text, blobs are bytea, booleans
// stay 0/1 integers as drizzle writes them. An id column left out of an insert (drizzle's SQLite
// dialect writes NULL) gets the next id as SQLite gives a rowid: one more than the largest (nextIdTrigger).
import { SQL, is } from 'drizzle-orm';
import { SQLiteSyncDialect, type SQLiteColumn, getTableConfig } from 'drizzle-orm/sqlite-core';
import { allTables } from './tables';

const dialect = new SQLiteSyncDialect();

function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  return `'${String(value).replaceAll("'", "''")}'`;
}

/** A check's or a partial index's condition, its parameters written in place. */
function render(condition: SQL): string {
  const { sql, params } = dialect.sqlToQuery(condition);
  let i = 0;
  return sql.replace(/\?/g, () => literal(params[i++]));
}

function pgType(column: SQLiteColumn): string {
  const type = column.getSQLType();
  if (type.startsWith('integer')) return 'bigint';
  if (type.startsWith('real')) return 'double precision';
  if (type.startsWith('blob')) return 'bytea';
  return 'text';
}


/**
 * A table's next id as SQLite gives a rowid, by a function of the table's own: its statement is
 * planned once per connection (a statement built per row, for any table, doubled the cost of an insert).
 */
export function nextIdTrigger(table: string): string[] {
  return [
    `CREATE OR REPLACE FUNCTION "qx_next_id_${table}"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.id IS NULL THEN
    SELECT coalesce(max(id), 0) + 1 INTO NEW.id FROM "${table}";
  END IF;
  RETURN NEW;
END $$`,
    `CREATE OR REPLACE TRIGGER "${table}_next_id" BEFORE INSERT ON "${table}" FOR EACH ROW EXECUTE FUNCTION "qx_next_id_${table}"()`,
  ];
}

/**
 * The statements that create the whole schema on an empty PostgreSQL database (the baseline migration
 * was written from them; each later change has a migration of its own).
 */
export function postgresSchema(): string[] {
  const statements: string[] = [
    `CREATE FUNCTION qx_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% are append-only', TG_TABLE_NAME;
END $$`,
  ];
  const after: string[] = [];
  for (const table of allTables()) {
    const config = getTableConfig(table);
    const name = config.name;
    const lines: string[] = [];
    for (const c of config.columns) {
      let line = `"${c.name}" ${pgType(c)}`;
      if (c.primary) line += ' PRIMARY KEY';
      if (c.notNull && !c.primary) line += ' NOT NULL';
      if (c.default !== undefined) line += ` DEFAULT ${is(c.default, SQL) ? render(c.default) : literal(c.mapToDriverValue(c.default))}`;
      if (c.isUnique) line += ` CONSTRAINT "${c.uniqueName}" UNIQUE`;
      lines.push(line);
    }
    for (const pk of config.primaryKeys) lines.push(`PRIMARY KEY (${pk.columns.map((c) => `"${c.name}"`).join(', ')})`);
    for (const check of config.checks) lines.push(`CONSTRAINT "${check.name}" CHECK (${render(check.value)})`);
    statements.push(`CREATE TABLE "${name}" (\n  ${lines.join(',\n  ')}\n)`);
    if (config.columns.some((c) => c.name === 'id' && c.primary && c.getSQLType() === 'integer')) {
      statements.push(...nextIdTrigger(name));
    }
    for (const idx of config.indexes) {
      const { name: indexName, columns, unique, where } = idx.config;
      const cols = columns.map((c) => (is(c, SQL) ? render(c) : `"${(c as SQLiteColumn).name}"`)).join(', ');
      statements.push(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX "${indexName}" ON "${name}" (${cols})${where ? ` WHERE ${render(where)}` : ''}`);
    }
    for (const fk of config.foreignKeys) {
      const ref = fk.reference();
      const onDelete = fk.onDelete && fk.onDelete !== 'no action' ? ` ON DELETE ${fk.onDelete.toUpperCase()}` : '';
      after.push(
        `ALTER TABLE "${name}" ADD CONSTRAINT "${fk.getName()}" FOREIGN KEY (${ref.columns.map((c) => `"${c.name}"`).join(', ')}) REFERENCES "${getTableConfig(ref.foreignTable).name}" (${ref.foreignColumns.map((c) => `"${c.name}"`).join(', ')})${onDelete}`,
      );
    }
  }
  // Setting versions are only ever added (as on SQLite, by trigger).
  after.push(`CREATE TRIGGER "setting_versions_no_update" BEFORE UPDATE ON "setting_versions" FOR EACH ROW EXECUTE FUNCTION qx_append_only()`);
  after.push(`CREATE TRIGGER "setting_versions_no_delete" BEFORE DELETE ON "setting_versions" FOR EACH ROW EXECUTE FUNCTION qx_append_only()`);
  return [...statements, ...after];
}
