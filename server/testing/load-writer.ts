// A second process writing to a database for a bounded time: funds transfers to a zone through the
// service, one transaction each. Prints the number acknowledged. Used by the backup-under-load test.
import { eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { organisations, users } from '@/db/schema';
import { systemClock } from '@/server/clock';
import { documentStore } from '@/server/documents';
import { recordBankTransfer } from '@/server/services/funds';

const [file, ms = '1500', max = '3000'] = process.argv.slice(2);
const db = openDatabase(file!);
const s = { db, clock: systemClock, documents: documentStore('/tmp/qx-load-writer-documents') };
const province = db.select().from(users).where(eq(users.username, 'province')).all()[0]!;
const zone = db.select().from(organisations).where(eq(organisations.kind, 'zone')).all()[0]!;
const actor = { userId: province.id, organisationId: province.organisationId };
const until = Date.now() + Number(ms);
let n = 0;
while (Date.now() < until && n < Number(max)) {
  recordBankTransfer(s, actor, { zoneId: zone.id, amountFen: 100, bankRef: `LOAD-${process.pid}-${n}` });
  n += 1;
}
db.$client.close();
console.log(n);
