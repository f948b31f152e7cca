// For `npm run test:pg` (QX_TEST_DB=pg): a throwaway PostgreSQL cluster for the whole run, unless
// QX_TEST_PG_URL names a server to use, and in it a template database with the schema, from which
// each test's database is copied (server/testing/databases.ts). Does nothing for the SQLite suite.
import { PrimaryPool, migratePostgres, parseUrl } from '@/db/pg-engine';
import { type Cluster, postgresInstalled, runOn, startCluster } from './pg-cluster';

export const TEMPLATE = 'qx_template';

export const onDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

export default async function setup() {
  if (process.env.QX_TEST_DB !== 'pg') return;
  let cluster: Cluster | undefined;
  let base = process.env.QX_TEST_PG_URL;
  if (!base) {
    if (!postgresInstalled()) throw new Error('npm run test:pg needs PostgreSQL 15 (apt-get install postgresql) or QX_TEST_PG_URL');
    cluster = await startCluster({ fast: true });
    base = cluster.url();
  }
  await runOn(base, `DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`, `CREATE DATABASE ${TEMPLATE}`);
  const template = new PrimaryPool(parseUrl(onDatabase(base, TEMPLATE)), 1);
  await migratePostgres(template);
  await template.end();
  process.env.QX_TEST_PG_URL = base;
  // The cluster's Unix socket, for the test that connects through one.
  if (cluster) process.env.QX_TEST_PG_SOCKET = `${cluster.dir}:${cluster.port}`;
  return () => cluster?.remove();
}
