// Price guidance (seed 001 三(三)): the province publishes periods; everyone may read what is in force.
import 'server-only';
import { guidanceHistory, guidanceRows } from './queries';
import { DomainError } from '@/server/kernel/errors';
import { dayStartCst } from '@/server/kernel/china-time';
import { guidanceInForce } from '@/server/guidance/domain/guidance';
import { LAND_TYPES } from '@/server/projects/domain/projects';
import { publishGuidance } from './guidance';
import { guidanceInput } from './schemas';
import { provinceProcedure, publicProcedure, router } from '@/server/kernel/trpc';
import { guidanceCurrentOut, guidanceHistoryOut, guidanceRowOut } from './outputs';

const DAY_MS = 86_400_000;

const dayStart = (isoDate: string) => {
  const at = dayStartCst(isoDate);
  if (at === null) throw new DomainError('invalidDate');
  return at;
};

export const guidanceRouter = router({
  /** The guidance in force now for each type of reclaimed land (null where none is published). */
  current: publicProcedure.meta({ data: 'public' }).output(guidanceCurrentOut).query(async ({ ctx }) => {
    const now = ctx.services.clock.now();
    const rows = await guidanceRows(ctx.services.db);
    return LAND_TYPES.map((landType) => ({ landType, guidance: guidanceInForce(rows, now, landType) }));
  }),

  /** Every period ever published, newest first. */
  history: provinceProcedure.meta({ data: 'province-wide' }).output(guidanceHistoryOut).query(({ ctx }) => guidanceHistory(ctx.services.db)),

  publish: provinceProcedure.meta({ data: 'province-wide' }).input(guidanceInput).output(guidanceRowOut).mutation(({ ctx, input }) =>
    publishGuidance(ctx.services, ctx.actor, {
      validFrom: dayStart(input.validFrom),
      // The end date is the last day of the period, inclusive.
      validTo: input.validTo === '' ? null : dayStart(input.validTo) + DAY_MS,
      landType: input.landType === 'all' ? null : input.landType,
      referenceFenPerMu: input.reference,
      floorFenPerMu: input.floor,
      documentRef: input.documentRef,
    }),
  ),
});
