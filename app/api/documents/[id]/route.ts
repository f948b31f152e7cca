import { downloadDocument } from '@/server/api/documents';

export const dynamic = 'force-dynamic';

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  return downloadDocument((await params).id);
}
