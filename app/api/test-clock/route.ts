// Moves the market's clock forward, for browser tests only. Answers 404 unless the server was started
// with QX_TEST_CLOCK=1 and its token (never on a production data folder: server/ops/prepare.ts), the
// request comes from this machine — both the socket's peer and the client behind any trusted proxy,
// which server/main.ts alone reports — and carries that token: nobody else, signed in or not, moves time.
import crypto from 'node:crypto';
import { translate } from '@/lib/i18n';
import { LOCALE_COOKIE, asLocale } from '@/lib/i18n/define';
import { env } from '@/server/kernel/env';
import { isLoopback } from '@/server/web/edges';
import { edgeInFront } from '@/server/web/edge-marker';
import { CLIENT_ADDRESS_HEADER, PEER_ADDRESS_HEADER } from '@/server/web/headers';
import { log } from '@/server/kernel/log';
import { runtime } from '@/server/web/runtime';
import { cookieValue } from '@/server/web/session';
import { sweepNow } from '@/server/web/scheduler';

export const dynamic = 'force-dynamic';

const sameToken = (given: string | null) => {
  if (!given || !env.testClockToken) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(env.testClockToken);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
};

export async function POST(req: Request) {
  const { testClock, services } = await runtime();
  const peer = edgeInFront() ? req.headers.get(PEER_ADDRESS_HEADER) : null;
  const client = edgeInFront() ? req.headers.get(CLIENT_ADDRESS_HEADER) : null;
  if (!testClock || !peer || !isLoopback(peer) || !client || !isLoopback(client) || !sameToken(req.headers.get('x-test-clock-token'))) {
    const locale = asLocale(cookieValue(req.headers.get('cookie'), LOCALE_COOKIE));
    return new Response(translate(locale, 'errors', 'testClockRefused'), { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const body = (await req.json().catch(() => ({}))) as { advanceMs?: unknown };
  const advance = typeof body.advanceMs === 'number' && Number.isSafeInteger(body.advanceMs) && body.advanceMs > 0 ? body.advanceMs : 0;
  testClock.offsetMs += advance;
  log().warn({ event: 'test-clock', advanceMs: advance, offsetMs: testClock.offsetMs }, 'market clock moved by the test clock');
  const swept = await sweepNow();
  return Response.json({ now: services.clock.now(), swept });
}
