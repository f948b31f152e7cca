// Moves the server's clock forward, for browser tests only: answers 404 unless the server was started
// with QX_TEST_CLOCK=1 (playwright.config.ts does; `npm start` does not).
import { runtime } from '@/server/runtime';
import { sweep } from '@/server/services/closing';

export const dynamic = 'force-dynamic';

export async function POST(req: Request) {
  const { testClock, services } = runtime();
  if (!testClock) return new Response('Not found', { status: 404 });
  const body = (await req.json().catch(() => ({}))) as { advanceMs?: unknown };
  const advance = typeof body.advanceMs === 'number' && Number.isSafeInteger(body.advanceMs) && body.advanceMs > 0 ? body.advanceMs : 0;
  testClock.offsetMs += advance;
  const swept = sweep(services);
  return Response.json({ now: services.clock.now(), swept });
}
