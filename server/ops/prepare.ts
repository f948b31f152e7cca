// Before the first request (server/main.ts): the database opened and migrated, the session secret in
// place, and the data folder's mode settled. A demo start (QX_DEMO=1) fills an empty database with the
// demo's users, data and a year of history; a production start gives it only the places of seed 000
// and no user at all (the operator creates the first administrator with `npm run admin:create`).
// A data folder is one or the other for life: a demo database is never served as production (its
// password is published) and a production one never shown as the demo.
import 'server-only';
import { inTransaction } from '@/db/client';
import { seedDemo } from '@/server/demo/seed-demo';
import { seedDemoHistory } from '@/server/demo/seed-demo-history';
import { SHANXI_CITIES } from '@/server/places/places';
import { seedPlaces } from '@/server/places/seed-places';
import { type InstanceMode, enabledUserCount, hasDemoOrganisations, hasOrganisations, instanceMode, setInstanceMode } from './instance';
import { log } from '@/server/kernel/log';
import type { Services } from '@/server/kernel/deps';

export class ModeMismatch extends Error {}

export async function prepareDatabase(services: Services, { demo, testClock = false }: { demo: boolean; testClock?: boolean }): Promise<{ mode: InstanceMode; users: number }> {
  const { db } = services;
  const wanted: InstanceMode = demo ? 'demo' : 'production';
  if (!await hasOrganisations(db)) {
    if (wanted === 'demo') {
      await seedDemo(services);
      const history = await seedDemoHistory(services);
      log().info({ event: 'seeded', mode: 'demo', historyTrades: history.trades }, `seeded the demo data and ${history.trades} trades of history`);
    } else {
      await inTransaction(db, (tx) => seedPlaces(tx, { cityBureaux: SHANXI_CITIES }));
      log().info({ event: 'seeded', mode: 'production' }, 'seeded the places of seed 000; no users');
    }
    await setInstanceMode(db, wanted);
  }
  // Databases made before the mode was recorded were all made by the demo's seed.
  let mode = await instanceMode(db);
  if (mode === undefined) {
    mode = await hasDemoOrganisations(db) ? 'demo' : 'production';
    await setInstanceMode(db, mode);
  }
  if (mode !== wanted) {
    throw new ModeMismatch(
      mode === 'demo'
        ? `This data folder holds the demo's data, whose password is published: start it with QX_DEMO=1 (npm start), or give a production start a new data folder (QX_DATA_DIR).`
        : `This data folder holds production data: it cannot be started as the demo (QX_DEMO=1). Start it without QX_DEMO.`,
    );
  }
  // Market time that anyone with the token may move has no place in a real market.
  if (testClock && mode === 'production') throw new ModeMismatch('QX_TEST_CLOCK=1 is for the demo and browser tests: a production data folder refuses it.');
  return { mode, users: await enabledUserCount(db) };
}
