// A second process writing to a database for a bounded time: funds transfers to a zone, proposed and
// confirmed through the services, one transaction each. Prints the number acknowledged. Used by the backup-under-load test.
import { eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { organisations, users } from '@/db/schema';
import { systemClock } from '@/server/kernel/clock';
import { documentStore } from '@/server/kernel/document-store';
import { receiveBankTransfer } from '@/server/accounts/funds';

async function main() {
  const [file, ms = '1500', max = '3000'] = process.argv.slice(2);
  const db = await openDatabase(file!);
  const s = { db, clock: systemClock, documents: documentStore('/tmp/qx-load-writer-documents') };
  const actor = async (username: string) => {
    const u = (await db.select().from(users).where(eq(users.username, username)).all())[0]!;
    return { userId: u.id, organisationId: u.organisationId };
  };
  const officials = { proposer: await actor('province'), checker: await actor('checker') };
  const zone = (await db.select().from(organisations).where(eq(organisations.kind, 'zone')).all())[0]!;
  const until = Date.now() + Number(ms);
  let n = 0;
  while (Date.now() < until && n < Number(max)) {
    await receiveBankTransfer(s, officials, { zoneId: zone.id, amountFen: 100, bankRef: `LOAD-${process.pid}-${n}` });
    n += 1;
  }
  await db.connection.close();
  console.log(n);
}

void main();
