// The open API for other government systems (server/web/open-api.ts).
import { createOpenApiHandler } from '@/server/web/open-api';
import { services } from '@/server/web/runtime';

export const dynamic = 'force-dynamic';

const handle = createOpenApiHandler({ services });

type Params = { params: Promise<{ path: string[] }> };

export async function GET(req: Request, { params }: Params) {
  return handle(req, (await params).path.join('/'));
}

export async function POST(req: Request, { params }: Params) {
  return handle(req, (await params).path.join('/'));
}

// Methods no operation takes reach the handler too: a 405 naming the allowed methods, in the caller's
// language, rather than an empty answer.
export const PUT = POST;
export const PATCH = POST;
export const DELETE = POST;
