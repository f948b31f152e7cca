import { exportReport } from '@/server/api/exports';

export const dynamic = 'force-dynamic';

export async function GET(req: Request, { params }: { params: Promise<{ report: string }> }) {
  return exportReport(req, (await params).report);
}
