// On PostgreSQL, a server on the same machine is reached through its Unix socket when the URL names
// the socket's folder (`?host=/var/run/postgresql`): the same database as over TCP, without TCP.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openPostgresDatabase } from '@/db/client';
import { openTestDatabase } from '@/server/testing/databases';
import { socketUrl } from '@/server/testing/pg-cluster';
import { recordSignIn } from '@/server/users/queries';

// Set by `npm run test:pg` when it starts its own cluster (not for a server given in QX_TEST_PG_URL).
const socket = process.env.QX_TEST_PG_SOCKET;

it.skipIf(!socket)('opens the database through the Unix socket named in the URL and writes what TCP then reads', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qx-socket-'));
  const { db, drop } = await openTestDatabase(dir);
  const [folder, port] = socket!.split(':') as [string, string];
  const overSocket = await openPostgresDatabase(socketUrl(folder, Number(port), db.connection.name), dir, { max: 2 });
  try {
    // inet_server_addr() is null on a Unix-socket connection, an address over TCP.
    const via = async (on: typeof db) => (await on.connection.prepare<{ a: string | null }>('select inet_server_addr()::text a').get())!.a;
    expect(await via(overSocket)).toBeNull();
    expect(await via(db)).toBe('127.0.0.1/32');
    await recordSignIn(overSocket, { at: Date.UTC(2026, 0, 5), username: 'zone', userId: null, address: '127.0.0.1', outcome: 'failure' });
    expect(await db.connection.prepare<{ username: string }>('select username from sign_ins').all()).toEqual([{ username: 'zone' }]);
  } finally {
    await overSocket.connection.close();
    await drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
