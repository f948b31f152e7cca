import { uploadDocument } from '@/server/api/documents';

export const dynamic = 'force-dynamic';

export async function POST(req: Request, { params }: { params: Promise<{ id: string }> }) {
  return uploadDocument(req, (await params).id);
}
