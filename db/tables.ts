// The tables of db/schema.ts as data, for what walks every table on either engine (the archive, the
// PostgreSQL schema, the tests' "nothing written" check).
import { is } from 'drizzle-orm';
import { SQLiteTable, getTableConfig } from 'drizzle-orm/sqlite-core';
import * as schema from './schema';

/** Every table of the schema. */
export const allTables = (): SQLiteTable[] => (Object.values(schema) as unknown[]).filter((v): v is SQLiteTable => is(v, SQLiteTable));

/** A table's columns, in their declared order. */
export const columnsOf = (name: string): string[] => {
  const table = allTables().find((t) => getTableConfig(t).name === name);
  if (!table) throw new Error(`no table ${name}`);
  return getTableConfig(table).columns.map((c) => c.name);
};

/** The columns that order a table's rows the same way on both engines: its primary key, or every column. */
export const keyOf = (name: string): string[] => {
  const config = getTableConfig(allTables().find((t) => getTableConfig(t).name === name)!);
  const single = config.columns.filter((c) => c.primary).map((c) => c.name);
  if (single.length > 0) return single;
  return (config.primaryKeys[0]?.columns ?? config.columns).map((c) => c.name);
};
