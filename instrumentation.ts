// Runs once when Next.js starts in a process. Under server/main.ts (`npm start`, `npm run serve`) the
// scheduler is already running; under `next dev` this starts it, so that auctions close there too.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { edgeInFront } = await import('@/server/web/edge-marker');
  if (edgeInFront()) return;
  // Only server/main.ts checks requests before they reach the app (cross-site writes, body sizes,
  // batch bounds, the client's address): a production server without it would be open.
  if (process.env.NODE_ENV === 'production') throw new Error('Serve the app with `npm run serve` (server/main.ts), not `next start`.');
  const { startScheduler } = await import('@/server/web/scheduler');
  await startScheduler();
}
