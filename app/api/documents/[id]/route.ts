import { downloadDocument } from '@/server/web/documents';
import { requestContext } from '@/server/web/page';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return downloadDocument(await requestContext(), (await params).id);
}
