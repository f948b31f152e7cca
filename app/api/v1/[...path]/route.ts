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
