// Linking projects (增减挂钩项目区), seed 001 二(一); domain.md step 1. A county drafts the plan of its
// demolition plots; it goes to the city for review (skipped for 扩权强县 counties), then to the
// province, whose approval (立项) issues the surplus quota as one lot.
import { ensure } from '@/server/kernel/errors';

export type ProjectStatus = 'draft' | 'city_review' | 'province_review' | 'returned' | 'approved';
export type CurrentUse = 'homestead' | 'abandoned_village' | 'industrial_mining' | 'public_facility' | 'other';
export const CURRENT_USES: readonly CurrentUse[] = ['homestead', 'abandoned_village', 'industrial_mining', 'public_facility', 'other'];
export const LAND_TYPES = ['ordinary', 'high_standard', 'other'] as const;
export type LandType = (typeof LAND_TYPES)[number];

/** Farmland quality grades (耕地质量等级) run from 1 (best) to 10. */
export const FARMLAND_GRADES = { best: 1, worst: 10 } as const;

export interface PlotPlan {
  code: string;
  village: string;
  currentUse: CurrentUse;
  areaMilliMu: number;
  farmlandMilliMu: number;
  farmlandGrade: number | null;
}

export interface ProjectPlan {
  plots: readonly PlotPlan[];
  /** Area of the new-construction side kept for local resettlement (安置), so not surplus. */
  resettlementMilliMu: number;
}

export interface PlanTotals {
  areaMilliMu: number;
  farmlandMilliMu: number;
  /** The surplus quota approval issues: demolished area less what local resettlement uses. */
  surplusMilliMu: number;
  /** The farmland balance quota the surplus carries: the reclaimed farmland, at most the surplus. */
  surplusFarmlandMilliMu: number;
}

/** Checks a plan as a whole and returns its totals; every refusal names the plot at fault. */
export function checkPlan(plan: ProjectPlan): PlanTotals {
  ensure(plan.plots.length > 0, 'plotsRequired');
  const codes = new Set<string>();
  let area = 0;
  let farmland = 0;
  for (const p of plan.plots) {
    ensure(!codes.has(p.code), 'plotCodeDuplicate', { code: p.code });
    codes.add(p.code);
    ensure(p.areaMilliMu > 0, 'plotAreaRequired', { code: p.code });
    ensure(p.farmlandMilliMu >= 0 && p.farmlandMilliMu <= p.areaMilliMu, 'farmlandAboveArea', { code: p.code });
    if (p.farmlandMilliMu > 0) {
      ensure(
        p.farmlandGrade !== null && Number.isInteger(p.farmlandGrade) && p.farmlandGrade >= FARMLAND_GRADES.best && p.farmlandGrade <= FARMLAND_GRADES.worst,
        'farmlandGradeRequired',
        { code: p.code },
      );
    }
    area += p.areaMilliMu;
    farmland += p.farmlandMilliMu;
  }
  const surplus = area - plan.resettlementMilliMu;
  ensure(plan.resettlementMilliMu >= 0 && surplus > 0, 'noSurplus');
  return { areaMilliMu: area, farmlandMilliMu: farmland, surplusMilliMu: surplus, surplusFarmlandMilliMu: Math.min(farmland, surplus) };
}

/** The county may change its plan while it is a draft or has been returned to it. */
export const isEditable = (status: ProjectStatus) => status === 'draft' || status === 'returned';

/** Where a submitted plan goes: 扩权强县 counties skip the city's review (001 二(一)). */
export const statusAfterSubmit = (expandedPower: boolean): ProjectStatus => (expandedPower ? 'province_review' : 'city_review');

/** Who decides a project in this state, if anyone. */
export function reviewerOf(status: ProjectStatus): 'city' | 'province' | null {
  if (status === 'city_review') return 'city';
  if (status === 'province_review') return 'province';
  return null;
}
