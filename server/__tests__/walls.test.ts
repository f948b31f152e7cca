// The walls between the folders (eslint.config.mjs, "The walls"): each forbidden import is linted as a
// small piece of code placed, by its file path, in the real folder it would live in, and must be an
// error; the same import from a place that may make it must not be. Imports are tried both by the
// `@/` alias and by relative path. The cycle check runs over the real tree (no cycle) and over a pair of
// fixture files that import each other (reported).
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../..');
const WALL_RULES = new Set(['boundaries/dependencies', 'walls/client-imports-no-server', 'import-x/no-cycle']);

let eslint: ESLint;
beforeAll(() => {
  // The pieces of code linted here are in no file, so no TypeScript program knows them: the type-aware
  // rules (eslint.config.mjs, promises) are off for them; the walls need no types.
  eslint = new ESLint({ cwd: repoRoot, overrideConfig: tseslint.configs.disableTypeChecked });
});

/** The wall findings (rule ids) for `code` placed at `file` (relative to the repo root); throws on a parse error. */
async function walls(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file), warnIgnored: true });
  if (!result) throw new Error(`no lint result for ${file}`);
  const fatal = result.messages.find((m) => m.fatal || m.ruleId === null);
  if (fatal) throw new Error(`${file}: ${fatal.message}`);
  return result.messages.filter((m) => m.ruleId !== null && WALL_RULES.has(m.ruleId) && m.severity === 2).map((m) => m.ruleId as string);
}

const use = (binding: string, source: string) => `import { ${binding} } from '${source}';\n\nexport const used = ${binding};\n`;
const useType = (binding: string, source: string) => `import type { ${binding} } from '${source}';\n\nexport type Used = ${binding};\n`;
const useClient = (body: string) => `'use client';\n\n${body}`;

const isWall = (rule = 'boundaries/dependencies') => expect.arrayContaining([rule]);

describe('db/', () => {
  it('imports nothing from server/', async () => {
    expect(await walls('db/x.ts', use('DomainError', '@/server/kernel/errors'))).toEqual(isWall());
    expect(await walls('db/x.ts', use('DomainError', '../server/kernel/errors'))).toEqual(isWall());
  });
  it('nor from lib/', async () => {
    expect(await walls('db/x.ts', use('formatFen', '@/lib/format'))).toEqual(isWall());
  });
  it('but its own files, packages and built-ins are fine, and a module may import the kernel', async () => {
    expect(await walls('db/x.ts', use('users', './schema'))).toEqual([]);
    expect(await walls('db/x.ts', use('sql', 'drizzle-orm'))).toEqual([]);
    expect(await walls('db/x.ts', use('join', 'node:path'))).toEqual([]);
    expect(await walls('server/market/x.ts', use('DomainError', '@/server/kernel/errors'))).toEqual([]);
  });
});

describe('domain/ is pure', () => {
  it('never imports drizzle-orm, better-sqlite3, next, @trpc or react', async () => {
    for (const pkg of ['drizzle-orm', 'drizzle-orm/sqlite-core', 'better-sqlite3', 'next/server', 'next-auth', '@trpc/server', 'react']) {
      expect(await walls('server/market/domain/x.ts', use('x', pkg)), pkg).toEqual(isWall());
    }
    expect(await walls('server/books/domain/x.ts', use('sql', 'drizzle-orm'))).toEqual(isWall());
  });
  it('never imports db/ or a module’s non-domain files', async () => {
    expect(await walls('server/market/domain/x.ts', use('db', '@/db/client'))).toEqual(isWall());
    expect(await walls('server/market/domain/x.ts', use('db', '../../../db/client'))).toEqual(isWall());
    expect(await walls('server/market/domain/x.ts', use('listingById', '@/server/market/queries'))).toEqual(isWall());
    expect(await walls('server/market/domain/x.ts', use('listingById', '../queries'))).toEqual(isWall());
    expect(await walls('server/market/domain/x.ts', use('router', '@/server/kernel/trpc'))).toEqual(isWall());
  });
  it('but the same imports are fine in the module, and domain/ may use other domains, the pure kernel and lib/', async () => {
    expect(await walls('server/market/x.ts', use('sql', 'drizzle-orm'))).toEqual([]);
    expect(await walls('server/market/x.ts', use('db', '@/db/client'))).toEqual([]);
    expect(await walls('server/market/domain/x.ts', use('SETTING_DEFAULTS', '../../settings/domain/settings'))).toEqual([]);
    expect(await walls('server/market/domain/x.ts', use('SETTING_DEFAULTS', '@/server/settings/domain/settings'))).toEqual([]);
    expect(await walls('server/market/domain/x.ts', use('allocate', './auction'))).toEqual([]);
    for (const file of ['errors', 'units', 'china-time', 'text', 'clock']) {
      expect(await walls('server/market/domain/x.ts', `import * as k from '@/server/kernel/${file}';\n\nexport const used = k;\n`), file).toEqual([]);
    }
    expect(await walls('server/market/domain/x.ts', use('formatFen', '@/lib/format'))).toEqual([]);
    expect(await walls('server/market/domain/x.ts', use('z', 'zod'))).toEqual([]);
  });
});

describe('a module', () => {
  it("never imports another module's router", async () => {
    expect(await walls('server/market/bidding-x.ts', use('usersRouter', '@/server/users/router'))).toEqual(isWall());
    expect(await walls('server/market/bidding-x.ts', use('usersRouter', '../users/router'))).toEqual(isWall());
    expect(await walls('server/market/bidding-x.ts', use('meRouter', '@/server/users/me.router'))).toEqual(isWall());
  });
  it('never imports server/web, ops, demo or the app router', async () => {
    expect(await walls('server/market/x.ts', use('sweepNow', '@/server/web/scheduler'))).toEqual(isWall());
    expect(await walls('server/market/x.ts', use('sweepNow', '../web/scheduler'))).toEqual(isWall());
    expect(await walls('server/market/x.ts', use('backup', '@/server/ops/backup'))).toEqual(isWall());
    expect(await walls('server/market/x.ts', use('seedDemo', '@/server/demo/seed-demo'))).toEqual(isWall());
    expect(await walls('server/market/x.ts', use('appRouter', '@/server/app-router'))).toEqual(isWall());
  });
  it("but may import another module's other files and its own router, and server/web may import any router", async () => {
    expect(await walls('server/market/bidding-x.ts', use('userById', '@/server/users/queries'))).toEqual([]);
    expect(await walls('server/market/bidding-x.ts', use('userById', '../users/queries'))).toEqual([]);
    expect(await walls('server/users/x.ts', use('usersRouter', './router'))).toEqual([]);
    expect(await walls('server/web/x.ts', use('usersRouter', '@/server/users/router'))).toEqual([]);
    expect(await walls('server/app-router.ts', use('usersRouter', '@/server/users/router'))).toEqual([]);
    expect(await walls('server/web/x.ts', use('sweepNow', './scheduler'))).toEqual([]);
    expect(await walls('server/market/x.ts', use('log', '@/server/kernel/log'))).toEqual([]);
  });
});

describe('server/kernel/', () => {
  it("imports nothing from a module's use cases, queries or router, books or web", async () => {
    expect(await walls('server/kernel/x.ts', use('placeBid', '@/server/market/bidding'))).toEqual(isWall());
    expect(await walls('server/kernel/x.ts', use('placeBid', '../market/bidding'))).toEqual(isWall());
    expect(await walls('server/kernel/x.ts', use('sessionUser', '@/server/users/queries'))).toEqual(isWall());
    expect(await walls('server/kernel/x.ts', use('writeAudit', '@/server/books/audit-log'))).toEqual(isWall());
    expect(await walls('server/kernel/x.ts', use('requireRole', '@/server/web/page'))).toEqual(isWall());
  });
  it('keeps its pure files (the ones domain/ may use) pure', async () => {
    expect(await walls('server/kernel/units.ts', use('db', '@/db/client'))).toEqual(isWall());
    expect(await walls('server/kernel/errors.ts', use('TRPCError', '@trpc/server'))).toEqual(isWall());
    expect(await walls('server/kernel/china-time.ts', use('moneyField', './fields'))).toEqual(isWall());
    expect(await walls('server/kernel/china-time.ts', use('fen', './units'))).toEqual([]);
    expect(await walls('server/kernel/trpc.ts', use('TRPCError', '@trpc/server'))).toEqual([]);
  });
  it('but a module or the web layer may import the same, and the kernel may use db/, lib/ and itself', async () => {
    expect(await walls('server/projects/x.ts', use('placeBid', '@/server/market/bidding'))).toEqual([]);
    expect(await walls('server/web/x.ts', use('placeBid', '@/server/market/bidding'))).toEqual([]);
    expect(await walls('server/kernel/x.ts', use('db', '@/db/client'))).toEqual([]);
    expect(await walls('server/kernel/x.ts', use('translate', '@/lib/i18n'))).toEqual([]);
    expect(await walls('server/kernel/x.ts', use('DomainError', './errors'))).toEqual([]);
    expect(await walls('server/kernel/x.ts', use('PASSWORD_MAX_LENGTH', '@/server/users/domain/passwords'))).toEqual([]);
  });
});

describe('server/books/', () => {
  it('imports no module or web', async () => {
    expect(await walls('server/books/x.ts', use('listingById', '@/server/market/queries'))).toEqual(isWall());
    expect(await walls('server/books/x.ts', use('requireRole', '../web/page'))).toEqual(isWall());
  });
  it('but may use the kernel, db/, lib/ and its own domain/', async () => {
    expect(await walls('server/books/x.ts', use('DomainError', '@/server/kernel/errors'))).toEqual([]);
    expect(await walls('server/books/x.ts', use('db', '@/db/client'))).toEqual([]);
    expect(await walls('server/books/x.ts', use('quotaMoved', './domain/ledger'))).toEqual([]);
  });
});

describe('the browser side', () => {
  it("a 'use client' component never imports server code as a value", async () => {
    expect(await walls('app/market/x-widget.tsx', useClient(use('listingById', '@/server/market/queries')))).toEqual(isWall('walls/client-imports-no-server'));
    expect(await walls('app/market/x-widget.tsx', useClient(use('listingById', '../../server/market/queries')))).toEqual(isWall('walls/client-imports-no-server'));
    expect(await walls('components/x-widget.tsx', useClient(use('router', '@/server/kernel/trpc')))).toEqual(isWall('walls/client-imports-no-server'));
    expect(await walls('components/x-widget.tsx', useClient(use('db', '@/db/client')))).toEqual(isWall('walls/client-imports-no-server'));
    expect(await walls('components/x-widget.tsx', useClient(`export { moneyField } from '@/server/kernel/fields';\n`))).toEqual(isWall('walls/client-imports-no-server'));
    expect(await walls('components/x-widget.tsx', useClient(use('holdFrozen', '@/server/books/domain/../journal')))).toEqual(isWall('walls/client-imports-no-server'));
  });
  it("but `import type` is fine, and so is the same value import in a server component", async () => {
    expect(await walls('app/market/x-widget.tsx', useClient(useType('Listing', '@/server/market/queries')))).toEqual([]);
    expect(await walls('app/market/x-widget.tsx', useClient(useType('AppRouter', '../../server/app-router')))).toEqual([]);
    expect(await walls('app/market/x-page.tsx', use('listingById', '@/server/market/queries'))).toEqual([]);
    expect(await walls('app/market/x-widget.tsx', useClient(use('formatFen', '@/lib/format')))).toEqual([]);
    // Pure code runs in the browser too: the bid form checks a bid by the server's own rule.
    expect(await walls('components/x-widget.tsx', useClient(use('fen', '@/server/kernel/units')))).toEqual([]);
    expect(await walls('app/market/x-widget.tsx', useClient(use('minimumBid', '@/server/market/domain/auction')))).toEqual([]);
  });
  it('a server component takes from the server only server/web, the app router, queries and pure code', async () => {
    expect(await walls('app/market/x-page.tsx', use('placeBid', '@/server/market/bidding'))).toEqual(isWall());
    expect(await walls('app/market/x-page.tsx', use('db', '@/db/client'))).toEqual(isWall());
    expect(await walls('app/market/x-page.tsx', use('requireRole', '@/server/web/page'))).toEqual([]);
    expect(await walls('app/market/x-page.tsx', use('createCaller', '@/server/app-router'))).toEqual([]);
    expect(await walls('app/market/x-page.tsx', use('allocate', '@/server/market/domain/auction'))).toEqual([]);
    expect(await walls('app/market/x-page.tsx', useType('Services', '@/server/kernel/deps'))).toEqual([]);
  });
  it('lib/ imports nothing from server/ or db/ but types and pure code', async () => {
    expect(await walls('lib/x.ts', use('router', '@/server/kernel/trpc'))).toEqual(isWall());
    expect(await walls('lib/x.ts', use('router', '../server/kernel/trpc'))).toEqual(isWall());
    expect(await walls('lib/x.ts', use('listingById', '@/server/market/queries'))).toEqual(isWall());
    expect(await walls('lib/x.ts', use('fen', '@/server/kernel/units'))).toEqual([]);
    expect(await walls('lib/x.ts', use('db', '@/db/client'))).toEqual(isWall());
    expect(await walls('lib/x.ts', useType('AppRouter', '@/server/app-router'))).toEqual([]);
    expect(await walls('lib/x.ts', use('translate', './i18n'))).toEqual([]);
  });
});

describe('import cycles', () => {
  it('a pair of files importing each other is reported, both ways', async () => {
    const fixtures = new ESLint({ cwd: repoRoot, ignore: false, ruleFilter: ({ ruleId }) => ruleId === 'import-x/no-cycle' });
    const results = await fixtures.lintFiles(['server/__tests__/walls/cycle-a.ts', 'server/__tests__/walls/cycle-b.ts']);
    expect(results).toHaveLength(2);
    for (const result of results) {
      expect(result.messages.map((m) => m.ruleId), result.filePath).toEqual(['import-x/no-cycle']);
    }
  });
  it('the real tree has none', async () => {
    const tree = new ESLint({ cwd: repoRoot, ruleFilter: ({ ruleId }) => ruleId === 'import-x/no-cycle' });
    const results = await tree.lintFiles(['server', 'db', 'lib', 'app', 'components', 'scripts', 'messages']);
    expect(results.length).toBeGreaterThan(100);
    const cycles = results.flatMap((r) => r.messages.map((m) => `${path.relative(repoRoot, r.filePath)}:${m.line} ${m.message}`));
    expect(cycles).toEqual([]);
  });
});

describe('server-only', () => {
  it('marks every server module but the pure ones the browser may share (domain/, the pure kernel files)', () => {
    const pure = /(^|\/)domain\/|^kernel\/(errors|units|china-time|text|clock|roles)\.ts$|^(testing|__tests__)\//;
    const files = fs.readdirSync(path.join(repoRoot, 'server'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(80);
    const unmarked = files.filter((f) => !pure.test(f) && !/^import 'server-only';$/m.test(fs.readFileSync(path.join(repoRoot, 'server', f), 'utf8')));
    expect(unmarked).toEqual([]);
    // And the pure ones are not marked: the bid form and the other client components import them.
    const marked = files.filter((f) => pure.test(f) && !/^(testing|__tests__)\//.test(f) && /^import 'server-only';$/m.test(fs.readFileSync(path.join(repoRoot, 'server', f), 'utf8')));
    expect(marked).toEqual([]);
  });
});
