// Checks anyone may make without an account: a printed document's verification code, the history of
// quota units by serial number, and the audit chain's published checkpoints.
import 'server-only';
import { checkpoints } from '@/server/audit/checkpoints';
import { publicProcedure, router } from '@/server/kernel/trpc';
import { checkpointsOut, serialsOut, verificationOut } from './outputs';
import { serialLookup, verifyDocument } from './queries';
import { codeInput, serialsInput } from './schemas';

export const verifyRouter = router({
  document: publicProcedure.meta({ data: 'public' }).input(codeInput).output(verificationOut).query(({ ctx, input }) => verifyDocument(ctx.services.db, input.code)),
  serials: publicProcedure.meta({ data: 'public' }).input(serialsInput).output(serialsOut).query(({ ctx, input }) => serialLookup(ctx.services.db, input.start, input.end)),
  checkpoints: publicProcedure.meta({ data: 'public' }).output(checkpointsOut).query(({ ctx }) => checkpoints(ctx.services.db)),
});
