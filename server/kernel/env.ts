// Environment, parsed once at start. A bad value stops the start with
// the variable's name, never a silent default.
import 'server-only';
import path from 'node:path';
import { z } from 'zod';

/** The market's database: an SQLite file, or a PostgreSQL URL. */
export type DatabaseTarget = { engine: 'sqlite'; file: string } | { engine: 'pg'; url: string; folder: string };

const flag = z.enum(['0', '1']).default('0');
const addressList = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
  );

const schema = z
  .object({
    QX_DATA_DIR: z.string().min(1).default('data'),
    /** The database engine: the embedded SQLite file in the data folder, or PostgreSQL at QX_DATABASE_URL. */
    QX_DB: z.enum(['sqlite', 'pg']).default('sqlite'),
    /** postgres://user:password@host1:port,host2:port/database?target_session_attrs=primary (QX_DB=pg). */
    QX_DATABASE_URL: z.string().default(''),
    /** The demo: demo users with a known password, demo data and a year of history, a banner on every page. */
    QX_DEMO: flag,
    /** Lets browser tests move the market's clock (POST /api/test-clock with the token, from loopback only). */
    QX_TEST_CLOCK: flag,
    QX_TEST_CLOCK_TOKEN: z.string().default(''),
    /** Seconds between scheduler sweeps (closing due auctions, lapsing unpaid awards). */
    QX_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
    /** Where `npm start` listens: loopback unless told otherwise (a reverse proxy sits in front). */
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** Addresses of the reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed; none by default. */
    QX_TRUSTED_PROXIES: addressList,
    /** A session unused this long ends (minutes), besides the 8 hours after sign-in. */
    QX_IDLE_MINUTES: z.coerce.number().int().min(1).max(480).default(30),
    /** Mutations per minute one user, and one address, may make; a request over it is refused with a message. */
    QX_MUTATIONS_PER_MINUTE_USER: z.coerce.number().int().min(1).max(10_000_000).default(300),
    QX_MUTATIONS_PER_MINUTE_ADDRESS: z.coerce.number().int().min(1).max(10_000_000).default(1200),
    /** Calls of the open API (/api/v1) per key per minute. */
    QX_API_CALLS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(120),
    /** The operator's log: to stdout always; also to daily files in <data>/logs when 1, kept this many days. */
    QX_LOG_FILES: flag,
    QX_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
    QX_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  })
  .refine((e) => e.QX_DB === 'sqlite' || /^postgres(ql)?:\/\//.test(e.QX_DATABASE_URL), {
    message: 'QX_DB=pg needs QX_DATABASE_URL (postgres://…)',
    path: ['QX_DATABASE_URL'],
  })
  .refine((e) => e.QX_TEST_CLOCK === '0' || e.QX_TEST_CLOCK_TOKEN.length >= 24, {
    message: 'QX_TEST_CLOCK=1 needs QX_TEST_CLOCK_TOKEN of at least 24 characters',
    path: ['QX_TEST_CLOCK_TOKEN'],
  });

function parse() {
  const result = schema.safeParse(process.env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new Error(`Invalid environment:\n${lines.join('\n')}`);
}

/** The demo users' published password (demo mode only: a production data folder has no demo users). */
export const DEMO_PASSWORD = 'Demo@2026';

const parsed = parse();

export const env = {
  dataDir: path.resolve(parsed.QX_DATA_DIR),
  databaseFile: path.resolve(parsed.QX_DATA_DIR, 'quota-exchange.db'),
  /** Where the market's data lives: the SQLite file, or the PostgreSQL database. */
  database: (parsed.QX_DB === 'pg' ? { engine: 'pg', url: parsed.QX_DATABASE_URL, folder: path.resolve(parsed.QX_DATA_DIR) } : { engine: 'sqlite', file: path.resolve(parsed.QX_DATA_DIR, 'quota-exchange.db') }) as DatabaseTarget,
  documentsDir: path.resolve(parsed.QX_DATA_DIR, 'documents'),
  logDir: path.resolve(parsed.QX_DATA_DIR, 'logs'),
  demo: parsed.QX_DEMO === '1',
  testClock: parsed.QX_TEST_CLOCK === '1',
  testClockToken: parsed.QX_TEST_CLOCK_TOKEN,
  sweepMs: parsed.QX_SWEEP_SECONDS * 1000,
  host: parsed.HOST,
  port: parsed.PORT,
  trustedProxies: parsed.QX_TRUSTED_PROXIES,
  idleMs: parsed.QX_IDLE_MINUTES * 60_000,
  mutationsPerMinute: { user: parsed.QX_MUTATIONS_PER_MINUTE_USER, address: parsed.QX_MUTATIONS_PER_MINUTE_ADDRESS },
  apiCallsPerMinute: parsed.QX_API_CALLS_PER_MINUTE,
  log: { files: parsed.QX_LOG_FILES === '1', retentionDays: parsed.QX_LOG_RETENTION_DAYS, level: parsed.QX_LOG_LEVEL },
};
