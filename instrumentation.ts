// Runs once when the server starts: opens the database (applying migrations) and starts the
// scheduler that closes due auctions and lapses unpaid awards even if nobody opens a page.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { edgeInFront } = await import('@/server/web/edge-marker');
  // Only server/main.ts checks requests before they reach the app (cross-site writes, body sizes,
  // batch bounds, the client's address): a production server without it would be open.
  if (process.env.NODE_ENV === 'production' && !edgeInFront()) throw new Error('Serve the app with `npm run serve` (server/main.ts), not `next start`.');
  const { startScheduler } = await import('@/server/web/scheduler');
  startScheduler();
}
