// `npm run admin:create -- --username NAME --name "显示名称" [--password-stdin]`: the operator creates a
// province administrator (the first one on a production start, which has no users). The password is
// asked twice at the terminal without echo, or read from the first line of standard input with
// --password-stdin; it must follow the policy, and the administrator must replace it at first sign-in.
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { openMarketDatabase } from '@/server/ops/open-market';
import { organisations } from '@/db/schema';
import { DomainError } from '@/server/kernel/errors';
import { translate } from '@/lib/i18n';
import { systemClock } from '@/server/kernel/clock';
import { documentStore } from '@/server/kernel/document-store';
import { env } from '@/server/kernel/env';
import { newPasswordHash } from '@/server/users/passwords';
import { createUser } from '@/server/users/users';

const USAGE = 'Usage: npm run admin:create -- --username NAME --name "显示名称" [--password-stdin]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** A line typed at the terminal, not echoed: readline writes to a stream that keeps nothing. */
function askHidden(prompt: string): Promise<string> {
  process.stdout.write(prompt);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: silent, terminal: true });
    rl.question('', (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function firstLineOfStdin(): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}

async function main() {
  const { values } = parseArgs({ options: { username: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false } } });
  const username = values.username?.trim() ?? '';
  const displayName = values.name?.trim() ?? '';
  if (!/^[a-z0-9_.-]{3,64}$/.test(username)) fail(`${USAGE}\n--username: 3 to 64 lower-case letters, digits, '_', '.' or '-'.`);
  if (displayName.length < 1 || displayName.length > 100) fail(`${USAGE}\n--name: 1 to 100 characters.`);

  let password: string;
  if (values['password-stdin'] || !process.stdin.isTTY) {
    password = await firstLineOfStdin();
  } else {
    password = await askHidden('Password (at least 8 characters, letters and digits): ');
    if ((await askHidden('Again: ')) !== password) fail('The two passwords differ; nothing was created.');
  }

  const db = await openMarketDatabase(env.database);
  try {
    const province = (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.kind, 'province')).all())[0];
    if (!province) fail(`${env.databaseFile} has no provincial department yet: start the server once (npm run serve) to prepare it.`);
    const passwordHash = await newPasswordHash(password);
    const user = await createUser({ db, clock: systemClock, documents: documentStore(env.documentsDir) }, null, { username, displayName, organisationId: province.id, passwordHash });
    console.log(`Created province administrator "${user.username}" (${displayName}). They must choose a new password at first sign-in.`);
  } catch (e) {
    if (e instanceof DomainError) fail(`${translate('en', 'errors', e.code, e.params)} Nothing was created.`);
    throw e;
  } finally {
    await db.connection.close();
  }
}

void main();
