import { archiveResponse } from '@/server/web/archive';
import { requestContext } from '@/server/web/page';

export const dynamic = 'force-dynamic';

export async function GET(req: Request) {
  return archiveResponse(await requestContext(), req);
}
