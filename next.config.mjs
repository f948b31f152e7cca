/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2'],
  poweredByHeader: false,
  // A separate build folder lets two dev servers or builds run side by side (tests, helpers).
  distDir: process.env.QX_DIST_DIR || '.next',
};

export default nextConfig;
