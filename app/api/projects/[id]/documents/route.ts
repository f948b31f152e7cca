import { uploadDocument } from '@/server/web/documents';
import { requestContext } from '@/server/web/page';

export const dynamic = 'force-dynamic';

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return uploadDocument(await requestContext(), req, (await params).id);
}
