// First-load JavaScript per route (figure 5): the gzip size of the scripts a fresh Chromium
// downloads to open each page (before its 'load' event; the chunks it fetches at once after are shown apart) of the production build, beside an empty Next.js page built in the same
// run with the same next and react. Goal: no route more than 100 KB above the empty page. Measured by
// behaviour (what the browser fetches), not from build manifests. Run from the repository root:
//   BASE_URL=http://127.0.0.1:3470 npx tsx bench/first-load.ts   a production server already running
//   npx tsx bench/first-load.ts     serves the existing build (npm run build) on a throwaway database
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, chromium } from '@playwright/test';
import { serveArgs } from './serve';

type Role = 'county' | 'zone' | 'province' | 'city';
type State = Awaited<ReturnType<BrowserContext['storageState']>>;
/** `kb`: scripts the page loads before its 'load' event (Next.js's "first load"); `kbWithLazy`: and the
 *  code-split chunks it fetches at once after (the dashboard's charts). */
type Row = { route: string; kb: number; overEmptyKb: number; kbWithLazy: number; as: string };

const PASSWORD = 'Demo@2026';
const NEXT = path.resolve('node_modules/next/dist/bin/next');
const USER_OF: Record<Role, string> = { county: 'pianguan', zone: 'zone', province: 'province', city: 'xinzhou' };
/** Who opens a page that needs signing in: the role it is for (the zone for the market and listings,
 *  which show bidding; /province/* the province). Pages not named are opened signed out; a new page
 *  that sends the signed-out to /login shows up in the output as skipped, to be added here. */
const ROLE_OF: Record<string, Role> = {
  '/bids': 'zone', '/holdings/[lotId]': 'zone', '/ledger': 'zone', '/listings/[id]': 'zone', '/market': 'zone', '/trades': 'zone',
  '/trades/[id]': 'zone', '/uses': 'zone', '/county': 'county', '/county/listings': 'county', '/obligations': 'county', '/proceeds': 'county',
  '/projects': 'county', '/projects/new': 'county', '/projects/[id]': 'county', '/projects/[id]/edit': 'county', '/projects/[id]/trace': 'county',
  '/dashboard': 'province',
};
const roleOf = (route: string): Role | null => ROLE_OF[route] ?? (route.startsWith('/province') ? 'province' : null);
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The app's pages, from the files under app/ (route groups dropped); static ones first, so the links
 *  they show can supply the ids of the dynamic ones, and a parent before its children. */
function appRoutes(): string[] {
  const files = fs.readdirSync('app', { recursive: true, encoding: 'utf8' }).filter((f) => path.basename(f) === 'page.tsx');
  const routes = files.map((f) => `/${path.dirname(f).split(path.sep).filter((s) => s !== '.' && !/^\(.*\)$/.test(s)).join('/')}`);
  const key = (r: string) => `${r.includes('[') ? 1 : 0}${String(r.split('/').length).padStart(2, '0')}${r}`;
  return routes.sort((a, b) => key(a).localeCompare(key(b)));
}

/** Opens a page in a new context (so an empty HTTP cache) and sums the gzip size of every script
 *  response, each URL once; also returns where the page ended up and the links it shows. */
async function measure(browser: Browser, url: string, storageState?: State) {
  const context = await browser.newContext({ storageState });
  const page = await context.newPage();
  const sizes = new Map<string, Promise<number>>();
  const beforeLoad = new Set<string>();
  let loaded = false;
  page.once('load', () => (loaded = true));
  page.on('request', (r) => {
    if (!loaded && r.resourceType() === 'script') beforeLoad.add(r.url());
  });
  page.on('response', (r) => {
    if (r.request().resourceType() !== 'script' || sizes.has(r.url())) return;
    sizes.set(r.url(), r.body().then((b) => gzipSync(b, { level: 9 }).length, () => 0));
  });
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    // Chunks loaded just after 'load' (lazy client components) are counted apart; live pages never go idle.
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
    const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    let bytes = 0;
    let withLazy = 0;
    for (const [u, size] of sizes) {
      const n = await size;
      withLazy += n;
      if (beforeLoad.has(u)) bytes += n;
    }
    return { bytes, withLazy, scripts: sizes.size, at: new URL(page.url()).pathname, links: hrefs.map((h) => new URL(h, url).pathname) };
  } finally {
    await context.close();
  }
}

/** Signs in through the real form once per role; its cookies are reused for that role's pages. */
async function signIn(browser: Browser, baseUrl: string, username: string): Promise<State> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`, { timeout: 30_000 });
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await Promise.all([page.waitForURL((u) => u.pathname !== '/login', { timeout: 30_000 }), page.locator('form', { has: page.locator('input[name="password"]') }).locator('button[type="submit"]').click()]);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/** A port nobody listens on now (the OS picks it). */
async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as net.AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** A server in its own process group (so stopping it takes its children too), output to a file. */
function startServer(args: string[], cwd: string, env: Record<string, string>, logFile: string): ChildProcess {
  const out = fs.openSync(logFile, 'a');
  return spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', out, out] });
}

async function waitUp(url: string, logFile: string, ms = 60_000) {
  for (const until = Date.now() + ms; Date.now() < until; await sleep(250)) {
    if (await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5_000) }).then(() => true, () => false)) return;
  }
  const tail = fs.readFileSync(logFile, 'utf8').slice(-2_000);
  throw new Error(`${url} did not answer within ${ms / 1000} s; its output ends:\n${tail}`);
}

async function stopServer(child: ChildProcess) {
  const pid = child.pid;
  if (pid === undefined || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const kill = (signal: NodeJS.Signals) => { try { process.kill(-pid, signal); } catch { /* already gone */ } };
  kill('SIGTERM');
  if (!(await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]))) kill('SIGKILL');
}

/**
 * The reference for figures 3 and 5: an empty Next.js app built and served like the real one, with a
 * static page `/` (`<p>empty</p>`) and a page rendered on every request, `/dynamic`. Its node_modules is
 * a link to ours, so the same next/react; Turbopack refuses files outside the project root (the link's
 * target), hence `turbopack.root: '/'`.
 */
export async function withEmptyNextApp<T>(fn: (baseUrl: string) => Promise<T>, log: (s: string) => void = () => undefined): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qx-empty-next-'));
  const logFile = path.join(dir, 'next.log');
  try {
    fs.mkdirSync(path.join(dir, 'app', 'dynamic'), { recursive: true });
    const files = {
      'package.json': JSON.stringify({ name: 'empty', private: true }),
      'next.config.mjs': "export default { turbopack: { root: '/' } };\n",
      'app/layout.tsx': 'export default function RootLayout({ children }: { children: React.ReactNode }) {\n  return <html lang="en"><body>{children}</body></html>;\n}\n',
      'app/page.tsx': 'export default function Page() {\n  return <p>empty</p>;\n}\n',
      'app/dynamic/page.tsx': "export const dynamic = 'force-dynamic';\nexport default function Page() {\n  return <p>{Date.now()}</p>;\n}\n",
    };
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    fs.symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
    log(`Building an empty Next.js app in ${dir} …`);
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
    execFileSync(process.execPath, [NEXT, 'build'], { cwd: dir, env, stdio: 'pipe', timeout: 180_000 });
    const port = await freePort();
    const server = startServer([NEXT, 'start', '-H', '127.0.0.1', '-p', String(port)], dir, { NEXT_TELEMETRY_DISABLED: '1' }, logFile);
    try {
      await waitUp(`http://127.0.0.1:${port}/`, logFile);
      return await fn(`http://127.0.0.1:${port}`);
    } finally {
      await stopServer(server);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every route of the app at `baseUrl`, against the static page of the empty app at `emptyBaseUrl`. */
export async function firstLoadJs(opts: { baseUrl: string; emptyBaseUrl: string; log?: (s: string) => void }): Promise<{ rows: Row[]; emptyKb: number; skipped: { route: string; why: string }[] }> {
  const log = opts.log ?? (() => undefined);
  const executablePath = fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const args = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  const browser = await chromium.launch({ executablePath, args });
  try {
    const empty = await measure(browser, `${opts.emptyBaseUrl}/`);
    log(`  empty page: ${kb(empty.bytes)} KB in ${empty.scripts} scripts`);
    const emptyBytes = empty.bytes;
    const states = new Map<Role, State>();
    const links = new Map<string, Set<string>>(); // per user: the paths their pages link to
    const rows: Row[] = [];
    const skipped: { route: string; why: string }[] = [];
    const skip = (route: string, why: string) => (skipped.push({ route, why }), log(`  ${route}: not measured, ${why}`));
    for (const route of appRoutes()) {
      const role = roleOf(route);
      const as = role ? USER_OF[role] : 'signed out';
      if (role && !states.has(role)) states.set(role, await signIn(browser, opts.baseUrl, USER_OF[role]));
      const seen = links.get(as) ?? links.set(as, new Set()).get(as)!;
      // A dynamic page: an id the same user's pages link to (ids in this app are numbers).
      const pattern = new RegExp(`^${route.replace(/\[[^\]]+\]/g, '\\d+')}$`);
      const target = route.includes('[') ? [...seen].find((p) => pattern.test(p)) : route;
      if (!target) {
        skip(route, `no page seen by ${as} links to one`);
        continue;
      }
      const m = await measure(browser, `${opts.baseUrl}${target}`, role ? states.get(role) : undefined);
      for (const l of m.links) seen.add(l);
      if (m.at !== target) {
        skip(route, `${target} sends ${as} to ${m.at}`);
        continue;
      }
      rows.push({ route, kb: kb(m.bytes), overEmptyKb: kb(m.bytes - emptyBytes), kbWithLazy: kb(m.withLazy), as });
      log(`  ${target} as ${as}: ${kb(m.bytes)} KB (${kb(m.withLazy)} KB with lazy chunks) in ${m.scripts} scripts`);
    }
    return { rows, emptyKb: kb(emptyBytes), skipped };
  } finally {
    await browser.close();
  }
}

/** Without BASE_URL: the existing build served on a fresh demo database in a temp folder. */
export async function startApp(log: (s: string) => void) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qx-first-load-'));
  const logFile = path.join(dataDir, 'server.log');
  const env = { QX_DATA_DIR: dataDir, QX_DEMO: '1' };
  const port = await freePort();
  const server = startServer(serveArgs(), process.cwd(), { ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production' }, logFile);
  const baseUrl = `http://127.0.0.1:${port}`;
  const close = () => stopServer(server).then(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  await waitUp(`${baseUrl}/login`, logFile).catch((e: unknown) => close().then(() => Promise.reject(e)));
  log(`Serving the app at ${baseUrl} (data in ${dataDir})`);
  return { baseUrl, close };
}

async function main() {
  const started = performance.now();
  const app = process.env.BASE_URL ? { baseUrl: process.env.BASE_URL.replace(/\/$/, ''), close: async () => undefined } : await startApp(console.log);
  try {
    const { rows, emptyKb, skipped } = await withEmptyNextApp((emptyBaseUrl) => firstLoadJs({ baseUrl: app.baseUrl, emptyBaseUrl, log: console.log }), console.log);
    const worst = Math.max(...rows.map((r) => r.overEmptyKb));
    console.log(
      [
        '',
        `First-load JavaScript (gzip), empty Next.js page ${emptyKb} KB (${new Date().toISOString()})`,
        '',
        '| route | as | KB gzip | KB over empty | KB with lazy chunks |',
        '|---|---|---:|---:|---:|',
        ...rows.map((r) => `| ${r.route} | ${r.as} | ${r.kb.toFixed(1)} | ${r.overEmptyKb.toFixed(1)} | ${r.kbWithLazy.toFixed(1)} |`),
        '',
        ...skipped.map((s) => `Not measured: ${s.route} (${s.why})`),
        `Goal, no route more than 100 KB above the empty page: ${worst <= 100 ? 'met' : 'not met'} (largest ${worst.toFixed(1)} KB above).`,
        `Took ${((performance.now() - started) / 1000).toFixed(0)} s.`,
      ].join('\n'),
    );
  } finally {
    await app.close();
  }
}

if (/first-load\.ts$/.test(process.argv[1] ?? '')) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
