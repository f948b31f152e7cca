import { createRequire } from 'node:module';
import createNextIntlPlugin from 'next-intl/plugin';

/** Headers every response carries; pages also get a Content-Security-Policy from proxy.ts.
 *  One list, read here and by server/main.ts for the API calls it answers itself. */
const securityHeaders = createRequire(import.meta.url)('./lib/security-headers.json');

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2'],
  poweredByHeader: false,
  // server/main.ts compresses pages itself, after its page cache has seen them unencoded.
  compress: false,
  // Start-up: load a page's code when it is first asked for, not every page's at start.
  experimental: { preloadEntriesOnStart: false },
  // A separate build folder lets two dev servers or builds run side by side (tests, helpers).
  distDir: process.env.QX_DIST_DIR || '.next',
  // In the browser, translate() reads the page's messages (lib/i18n/browser.ts): no catalogue is sent.
  turbopack: { resolveAlias: { '@/lib/i18n': { browser: './lib/i18n/browser.ts' } } },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

// next-intl finds its request configuration (the language from the cookie) in i18n/request.ts.
export default createNextIntlPlugin('./i18n/request.ts')(nextConfig);
