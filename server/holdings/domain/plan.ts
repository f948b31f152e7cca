// Annual plan quota (seed 000): the province hands out special new-construction quota (600 mu to each
// of the 36 national poverty counties) and linking quota (1000 mu to each poverty county). Kept in the
// same ledger as the traded rights, per county and year.
export const PLAN_KINDS = ['PLAN_NEW_LAND', 'PLAN_LINKING'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** The seed's standard allocation per kind, in milli-mu, and which counties it goes to. */
export const PLAN_STANDARD: Record<PlanKind, { qtyMilliMu: number; to: 'national_poverty' | 'poverty' }> = {
  PLAN_NEW_LAND: { qtyMilliMu: 600_000, to: 'national_poverty' },
  PLAN_LINKING: { qtyMilliMu: 1_000_000, to: 'poverty' },
};

export interface CountyFlags {
  nationalPoverty: boolean;
  provincialPoverty: boolean;
}

export type PlanTarget = 'national_poverty' | 'poverty';

export const isInTarget = (c: CountyFlags, target: PlanTarget) =>
  target === 'national_poverty' ? c.nationalPoverty : c.nationalPoverty || c.provincialPoverty;
