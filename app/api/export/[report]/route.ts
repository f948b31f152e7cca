import { exportReport } from '@/server/api/exports';
import { requestContext } from '@/server/page';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ report: string }> }) {
  return exportReport(await requestContext(), req, (await params).report);
}
