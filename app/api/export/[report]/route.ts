import { exportReport } from '@/server/web/exports';
import { requestContext } from '@/server/web/page';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ report: string }> }) {
  return exportReport(await requestContext(), req, (await params).report);
}
