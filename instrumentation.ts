// Runs once when the server starts: opens the database (applying migrations) and starts the
// scheduler that closes due auctions and lapses unpaid awards even if nobody opens a page.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startScheduler } = await import('./server/scheduler');
  startScheduler();
}
