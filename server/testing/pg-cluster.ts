// A throwaway PostgreSQL cluster from Debian's binaries, on a loopback port, for the tests, the
// benchmark and the failover drill. `initdb` refuses to run as root: as root, the cluster belongs to
// the `postgres` user and its commands run as that user.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export const PG_BIN = process.env.QX_PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface Cluster {
  port: number;
  dir: string;
  data: string;
  url: (database?: string) => string;
  /** The same database through the cluster's Unix socket. */
  socketUrl: (database?: string) => string;
  /** Runs one of the cluster's programs (pg_ctl, pg_basebackup, …) as its owner. */
  run: (program: string, args: string[]) => string;
  stop: (mode?: 'fast' | 'immediate') => void;
  remove: () => void;
}

export const postgresInstalled = () => fs.existsSync(path.join(PG_BIN, 'initdb'));

const asRoot = () => process.getuid?.() === 0;

function runAs(program: string, args: string[]): string {
  const bin = path.join(PG_BIN, program);
  const [cmd, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${program} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A folder the cluster's owner may write. */
export function clusterFolder(prefix = 'qx-pg-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (asRoot()) execFileSync('chown', ['postgres:postgres', dir]);
  return dir;
}

/**
 * Creates (unless `data` already holds one) and starts a cluster listening on 127.0.0.1:`port` only.
 * `settings` are postgresql.conf lines; `fast` trades durability for speed (tests only).
 */
export async function startCluster(opts: { dir?: string; port?: number; settings?: Record<string, string>; fast?: boolean; init?: boolean } = {}): Promise<Cluster> {
  const dir = opts.dir ?? clusterFolder();
  const data = path.join(dir, 'data');
  const port = opts.port ?? (await freePort());
  if (opts.init !== false && !fs.existsSync(path.join(data, 'PG_VERSION'))) {
    runAs('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  }
  const settings: Record<string, string> = {
    listen_addresses: "'127.0.0.1'",
    port: String(port),
    unix_socket_directories: `'${dir}'`,
    max_connections: '100',
    ...(opts.fast ? { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } : {}),
    ...opts.settings,
  };
  fs.appendFileSync(path.join(data, 'postgresql.auto.conf'), Object.entries(settings).map(([k, v]) => `${k} = ${v}\n`).join(''));
  runAs('pg_ctl', ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '30', 'start']);
  const cluster: Cluster = {
    port,
    dir,
    data,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    socketUrl: (database = 'postgres') => socketUrl(dir, port, database),
    run: runAs,
    stop: (mode = 'fast') => {
      try {
        runAs('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
      } catch {
        // already stopped
      }
    },
    remove: () => {
      cluster.stop('immediate');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return cluster;
}

/** A database of the cluster whose socket is in `folder`, reached through that socket. */
export const socketUrl = (folder: string, port: number, database: string) => `postgres://postgres@/${database}?host=${encodeURIComponent(folder)}&port=${port}`;

/** Runs statements one after another on a connection of their own (CREATE DATABASE, ALTER SYSTEM, …). */
export async function runOn(url: string, ...statements: string[]): Promise<pg.QueryResult[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const results: pg.QueryResult[] = [];
    for (const s of statements) results.push(await client.query(s));
    return results;
  } finally {
    await client.end();
  }
}
