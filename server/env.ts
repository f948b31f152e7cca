// Environment, parsed once at start (conventions.md "Small habits").
import path from 'node:path';
import { z } from 'zod';

const schema = z.object({
  QX_DATA_DIR: z.string().min(1).default('data'),
  /** Lets e2e tests move the server's clock (POST /api/test-clock). Never set in production. */
  QX_TEST_CLOCK: z.enum(['0', '1']).default('0'),
  /** Seconds between scheduler sweeps (closing due auctions, lapsing unpaid awards). */
  QX_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(5),
  /** Where `npm start` listens: loopback unless told otherwise (a reverse proxy sits in front). */
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
});

const parsed = schema.parse(process.env);

export const env = {
  dataDir: path.resolve(parsed.QX_DATA_DIR),
  databaseFile: path.resolve(parsed.QX_DATA_DIR, 'quota-exchange.db'),
  documentsDir: path.resolve(parsed.QX_DATA_DIR, 'documents'),
  testClock: parsed.QX_TEST_CLOCK === '1',
  sweepMs: parsed.QX_SWEEP_SECONDS * 1000,
  host: parsed.HOST,
  port: parsed.PORT,
};
