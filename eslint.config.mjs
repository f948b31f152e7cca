import path from 'node:path';
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

// ---------------------------------------------------------------------------------------------------
// The walls between the folders (server/ by module). server/__tests__/walls.test.ts proves each one
// both ways: the forbidden import is an error, the same import from an allowed place is not.
// ---------------------------------------------------------------------------------------------------

/** The feature modules under server/ (each may have a pure domain/ folder). */
const MODULES = ['market', 'projects', 'lots', 'holdings', 'guidance', 'stats', 'accounts', 'settings', 'users', 'notifications', 'audit', 'places', 'outlook', 'integrity', 'verify', 'apikeys'];
/** Kernel files that import no db, drizzle, next or trpc: the only kernel files a domain/ folder may use. */
const KERNEL_PURE = ['errors', 'units', 'china-time', 'text', 'clock', 'roles'];
/** Packages that tie code to the database, the web framework or the API layer: never in domain/. */
const IMPURE_PACKAGES = ['drizzle-orm', 'better-sqlite3', 'next', 'next-auth', '@next/*', '@trpc/*', 'react', 'react-dom'];

const elements = [
  // Most specific first: a file takes the first element whose pattern matches its path from the root.
  { type: 'domain', pattern: 'server/*/domain', capture: ['owner'], partialMatch: false },
  { type: 'kernel', pattern: 'server/kernel', partialMatch: false },
  { type: 'books', pattern: 'server/books', partialMatch: false },
  { type: 'module', pattern: `server/{${MODULES.join(',')}}`, capture: ['module'], partialMatch: false },
  { type: 'web', pattern: 'server/web', partialMatch: false },
  { type: 'ops', pattern: 'server/ops', partialMatch: false },
  { type: 'demo', pattern: 'server/demo', partialMatch: false },
  { type: 'testing', pattern: ['server/testing', 'server/__tests__'], partialMatch: false },
  { type: 'app-router', pattern: 'server/app-router.ts', mode: 'file' },
  { type: 'server-main', pattern: 'server/main.ts', mode: 'file' },
  { type: 'db', pattern: 'db', partialMatch: false },
  { type: 'lib', pattern: 'lib', partialMatch: false },
  { type: 'messages', pattern: 'messages', partialMatch: false },
  { type: 'app', pattern: 'app', partialMatch: false },
  { type: 'components', pattern: 'components', partialMatch: false },
  { type: 'scripts', pattern: 'scripts', partialMatch: false },
];

const files = [
  { category: 'router', pattern: ['server/*/router.ts', 'server/*/*.router.ts'] },
  { category: 'queries', pattern: 'server/*/queries.ts' },
  { category: 'kernel-pure', pattern: `server/kernel/{${KERNEL_PURE.join(',')}}.ts` },
  { category: 'test', pattern: ['**/*.test.ts', '**/*.test.tsx'] },
];

const SERVER_TYPES = ['domain', 'kernel', 'books', 'module', 'web', 'ops', 'demo', 'testing', 'app-router', 'server-main'];
const local = { module: { origin: 'local' } };
const to = (types) => ({ element: { types } });
/** A policy's message, naming the import that broke it. */
const wall = (text) => `import '{{ dependency.source }}': ${text}`;

// Policies are read in order; the last one that matches an import decides (default: allow).
const policies = [
  // db/: only node built-ins, packages and other db/ files.
  { from: to('db'), disallow: { to: local }, message: wall('db/ imports only node built-ins, packages and other db/ files') },
  { from: to('db'), allow: { to: to('db') } },

  // server/kernel/: only db/, lib/, pure domain/ rules, packages and itself.
  { from: to('kernel'), disallow: { to: local }, message: wall("server/kernel/ imports only db/, lib/, domain/ rules, packages and itself — never a module's use cases, queries or router, books, web, ops or demo") },
  { from: to('kernel'), allow: { to: to(['kernel', 'db', 'lib', 'domain']) } },

  // The pure kernel files stay pure (domain/ relies on it): only each other and lib/, no impure package.
  { from: { element: { type: 'kernel' }, file: { categories: 'kernel-pure' } }, disallow: { to: local }, message: wall('the pure kernel files (' + KERNEL_PURE.join(', ') + ') import only each other and lib/') },
  { from: { element: { type: 'kernel' }, file: { categories: 'kernel-pure' } }, allow: { to: [to('lib'), { element: { type: 'kernel' }, file: { categories: 'kernel-pure' } }] } },
  { from: { element: { type: 'kernel' }, file: { categories: 'kernel-pure' } }, disallow: { to: { module: { origin: 'external', source: IMPURE_PACKAGES } } }, message: wall('the pure kernel files import no drizzle-orm, better-sqlite3, next, next-auth, @trpc/* or react') },

  // server/books/: kernel, db, lib, itself and its own domain/.
  { from: to('books'), disallow: { to: local }, message: wall('server/books/ imports only kernel, db, lib and itself — never a module, web, ops or demo') },
  { from: to('books'), allow: { to: [to(['books', 'kernel', 'db', 'lib']), { element: { type: 'domain', captured: { owner: 'books' } } }] } },

  // server/*/domain/: pure. Other domain/ folders, the pure kernel files, lib/; no database, framework or API packages.
  { from: to('domain'), disallow: { to: local }, message: wall('domain/ is pure: it imports only other domain/ folders, the pure kernel files (' + KERNEL_PURE.join(', ') + ') and lib/') },
  { from: to('domain'), allow: { to: [to(['domain', 'lib']), { element: { type: 'kernel' }, file: { categories: 'kernel-pure' } }] } },
  { from: to('domain'), disallow: { to: { module: { origin: 'external', source: IMPURE_PACKAGES } } }, message: wall('domain/ is pure: no drizzle-orm, better-sqlite3, next, next-auth, @trpc/* or react') },

  // A module: kernel, books, db, lib, domain folders and other modules' non-router files.
  { from: to('module'), disallow: { to: to(['web', 'ops', 'demo', 'testing', 'app-router', 'server-main', 'app', 'components', 'scripts']) }, message: wall('a module never imports server/web, server/ops, server/demo, server/testing, server/app-router, app/, components/ or scripts/') },
  {
    from: to('module'),
    disallow: { to: { element: { type: 'module', captured: { module: '!{{ from.captured.module }}' } }, file: { categories: 'router' } } },
    message: wall("a module never imports another module's router (only server/app-router.ts assembles routers)"),
  },
  // Tests beside the code may use the harness, the demo data and the web layer.
  { from: { element: { types: ['module', 'books', 'kernel'] }, file: { categories: 'test' } }, allow: { to: to(SERVER_TYPES.concat('db', 'lib', 'messages')) } },

  // server/web/: anything in server/, not scripts/ (nor the pages).
  { from: to('web'), disallow: { to: to(['scripts', 'app', 'components']) }, message: wall('server/web/ never imports scripts/, app/ or components/') },
  // Everything on the server side: never scripts/, app/ or components/.
  { from: to(['ops', 'demo', 'testing', 'app-router', 'server-main']), disallow: { to: to(['scripts', 'app', 'components']) }, message: wall('server/ never imports scripts/, app/ or components/') },

  // lib/ and messages/ (shared with the browser): no value import from server/ or db/ (type-only is erased).
  { from: to(['lib', 'messages']), disallow: { to: to(SERVER_TYPES.concat('db', 'app', 'components', 'scripts')), dependency: { kind: 'value' } }, message: wall('lib/ and messages/ are shared with the browser: no value import from server/ but pure code (domain/, the pure kernel files), nor from db/, app/, components/ or scripts/ (import type is fine)') },
  { from: to(['lib', 'messages']), allow: { to: [to('domain'), { element: { type: 'kernel' }, file: { categories: 'kernel-pure' } }] } },

  // app/ and components/ (server components, route handlers): server/web, server/app-router, module queries,
  // and pure code (domain/, the pure kernel files). Type-only imports of anything are fine. Client
  // components are held tighter by walls/client-imports-no-server below.
  { from: to(['app', 'components']), disallow: { to: to(SERVER_TYPES.concat('db', 'scripts')), dependency: { kind: 'value' } }, message: wall('app/ and components/ import from the server only server/web, server/app-router, the kernel, module queries.ts and pure domain/ rules; import type is fine') },
  {
    from: to(['app', 'components']),
    allow: {
      to: [
        to(['web', 'domain', 'kernel']),
        { element: { type: 'app-router' } },
        { element: { type: 'module' }, file: { categories: 'queries' } },
        { element: { type: 'kernel' }, file: { categories: 'kernel-pure' } },
      ],
    },
  },
];

/**
 * 'use client' files run in the browser: no value import of server/ or db/, by alias or by relative
 * path, but pure code (the domain/ rules and the pure kernel files, which the walls above keep free of
 * the database and the framework): the bid form checks a bid by the same rule the server applies.
 */
const clientImportsNoServer = {
  meta: {
    type: 'problem',
    docs: { description: "forbid value imports of @/server/** and @/db/** in 'use client' files" },
    schema: [],
    messages: { serverInClient: "'use client' file imports {{source}} (server code) as a value; only `import type` may cross into the browser" },
  },
  create(context) {
    const filename = context.physicalFilename ?? context.filename;
    const isServerCode = (source) => {
      let rel;
      if (source.startsWith('@/')) rel = path.posix.normalize(source.slice(2));
      else if (source.startsWith('.')) rel = path.relative(root, path.resolve(path.dirname(filename), source));
      else return false;
      const p = rel.split(path.sep).join('/').replace(/\.tsx?$/, '');
      if (/^server\/[^/]+\/domain\//.test(p) || new RegExp(`^server/kernel/(${KERNEL_PURE.join('|')})$`).test(p)) return false;
      return /^(server|db)(\/|$)/.test(p);
    };
    let client = false;
    const check = (node, sourceNode) => {
      if (client && sourceNode && typeof sourceNode.value === 'string' && isServerCode(sourceNode.value)) {
        context.report({ node: sourceNode, messageId: 'serverInClient', data: { source: sourceNode.value } });
      }
    };
    return {
      Program(node) {
        client = node.body.some((s, i) => s.type === 'ExpressionStatement' && s.directive === 'use client' && node.body.slice(0, i).every((p) => p.directive));
      },
      ImportDeclaration(node) {
        if (node.importKind !== 'type') check(node, node.source);
      },
      ExportNamedDeclaration(node) {
        if (node.exportKind !== 'type') check(node, node.source);
      },
      ExportAllDeclaration(node) {
        if (node.exportKind !== 'type') check(node, node.source);
      },
      ImportExpression(node) {
        check(node, node.source);
      },
      'CallExpression[callee.name="require"]'(node) {
        check(node, node.arguments[0]);
      },
    };
  },
};

const tsResolver = { project: path.join(root, 'tsconfig.json'), alwaysTryTypes: false };

const walls = [
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    plugins: { boundaries, 'import-x': importX, walls: { rules: { 'client-imports-no-server': clientImportsNoServer } } },
    settings: {
      'boundaries/root-path': root,
      'boundaries/elements': elements,
      'boundaries/files': files,
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import', 'require'],
      'boundaries/legacy-warnings': false,
      'import/resolver': { typescript: tsResolver },
      'import-x/resolver-next': [createTypeScriptImportResolver(tsResolver)],
      // import-x parses each imported file to follow the chain; it reads only these extensions.
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs'],
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts', '.cts'] },
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'allow', checkAllOrigins: true, checkInternals: true, policies }],
      'walls/client-imports-no-server': 'error',
      // Type-only imports are erased and do not count; dynamic import() does.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
];

export default tseslint.config(
  { ignores: ['.next*/**', 'node_modules/**', 'dist/**', 'bench/data/**', 'data/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', 'bench/results/**', 'server/__tests__/walls/**'] },
  js.configs.recommended,
  { files: ['**/*.mjs'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The DOM's window properties type-check as globals: a forgotten `status` or `name` compiles.
      'no-restricted-globals': ['error', 'status', 'name', 'length', 'event', 'origin', 'parent', 'top', 'closed', 'open', 'close', 'stop', 'find', 'print', 'history', 'location'],
    },
  },
  {
    // Every statement reaches the database through a promise: one not awaited is a write that may
    // land after the transaction it belongs to, or a refusal nobody hears.
    files: ['**/*.{ts,tsx}'],
    ignores: ['e2e/**', 'playwright.config.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  ...walls,
);
