// The PostgreSQL URL as libpq reads it: hosts in the address or in `?host=`, a folder for a Unix socket.
import { expect, it } from 'vitest';
import { parseUrl } from './pg-engine';

it('reads several hosts with their ports from the address, and the user, password and database', () => {
  expect(parseUrl('postgres://qx:s%40cret@db1:5432,db2:5433/quota_exchange')).toEqual({
    user: 'qx',
    password: 's@cret',
    database: 'quota_exchange',
    hosts: [
      { host: 'db1', port: 5432 },
      { host: 'db2', port: 5433 },
    ],
  });
});

it('reads a Unix socket folder from ?host=, the port from ?port=, one for every host or one each', () => {
  expect(parseUrl('postgres://qx@/qx?host=/srv/pg&port=5555').hosts).toEqual([{ host: '/srv/pg', port: 5555 }]);
  expect(parseUrl('postgresql://qx@/qx?host=/var/run/postgresql,10.0.0.2&port=5432').hosts).toEqual([
    { host: '/var/run/postgresql', port: 5432 },
    { host: '10.0.0.2', port: 5432 },
  ]);
  expect(parseUrl('postgres://qx@/qx?host=db1,db2&port=5432,6432').hosts).toEqual([
    { host: 'db1', port: 5432 },
    { host: 'db2', port: 6432 },
  ]);
});

it('reads a socket folder written into the address, and takes Debian’s socket when no host is named', () => {
  expect(parseUrl('postgresql://%2Fvar%2Frun%2Fpostgresql/qx').hosts).toEqual([{ host: '/var/run/postgresql', port: 5432 }]);
  expect(parseUrl('postgres:///qx')).toEqual({ user: 'postgres', password: undefined, database: 'qx', hosts: [{ host: '/var/run/postgresql', port: 5432 }] });
});

it('refuses what is not a postgres:// URL or has a port that is not one', () => {
  expect(() => parseUrl('mysql://db1/qx')).toThrow('not a postgres:// URL');
  expect(() => parseUrl('postgres://db1:http/qx')).toThrow('not a port');
  expect(() => parseUrl('postgres://qx@/qx?host=/srv/pg&port=70000')).toThrow('not a port');
});
