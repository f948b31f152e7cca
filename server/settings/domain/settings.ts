// Market rules as versioned data. Each value of a setting is a version: the value, the policy document
// (文号) that set it, and the moment it takes effect. Versions are only ever added, and a new one takes
// effect no earlier than the moment it is recorded, so what was in force at a past moment never changes.
// Which version is in force at a moment is decided here and nowhere else.
//
// Defaults: deposit 20%, payment due in 10 days, anti-sniping window and extension 5 minutes each
// (reported practice of the land trading centres, domain.md); reclamation accepted within 2 years of
// the first trade, or 3 years of approval (seed 001 二(二)); no holdback of proceeds.
import { startOfDayCst } from '@/server/kernel/china-time';
import { ensure } from '@/server/kernel/errors';

export const SETTING_DEFAULTS = {
  depositRateBp: 2000,
  paymentDays: 10,
  antiSnipingWindowSeconds: 300,
  antiSnipingExtensionSeconds: 300,
  /** Years after the first trade by which a traded project's reclamation must be accepted. */
  reclamationYearsAfterTrade: 2,
  /** Years after approval by which an untraded project's reclamation must be accepted. */
  reclamationYearsAfterApproval: 3,
  /** Share of each trade's proceeds held back until reclamation is accepted, in basis points. */
  holdbackBp: 0,
} as const;

export type SettingKey = keyof typeof SETTING_DEFAULTS;
export type MarketSettings = Record<SettingKey, number>;
export const SETTING_KEYS = Object.keys(SETTING_DEFAULTS) as SettingKey[];

/** What each setting may be, in its stored unit (basis points, days, seconds, years). */
export const SETTING_RANGES: Record<SettingKey, readonly [min: number, max: number]> = {
  depositRateBp: [0, 10000],
  paymentDays: [1, 365],
  antiSnipingWindowSeconds: [0, 86400],
  antiSnipingExtensionSeconds: [0, 86400],
  reclamationYearsAfterTrade: [1, 10],
  reclamationYearsAfterApproval: [1, 10],
  holdbackBp: [0, 10000],
};

/** The seed document behind the reclamation periods; the other defaults were set by no document. */
export const SEED_001_DOCUMENT = '晋政办发〔2018〕24号';
/** Written where no document is recorded (defaults, values carried over from before versions). */
export const NO_DOCUMENT = '—';

const DEFAULT_DOCUMENTS: Record<SettingKey, string> = {
  depositRateBp: NO_DOCUMENT,
  paymentDays: NO_DOCUMENT,
  antiSnipingWindowSeconds: NO_DOCUMENT,
  antiSnipingExtensionSeconds: NO_DOCUMENT,
  reclamationYearsAfterTrade: SEED_001_DOCUMENT,
  reclamationYearsAfterApproval: SEED_001_DOCUMENT,
  holdbackBp: NO_DOCUMENT,
};

/** A policy document number: at most this many characters. */
export const DOCUMENT_NO_MAX = 100;

export interface SettingVersion {
  /** 0 for a default no one recorded. */
  id: number;
  key: SettingKey;
  value: number;
  documentNo: string;
  effectiveFrom: number;
  recordedAt: number;
  /** Null for a default and for values carried over from before versions. */
  recordedBy: number | null;
}

/** The default of a setting, as a version in force from the epoch that no one recorded. */
export const defaultVersion = (key: SettingKey): SettingVersion => ({
  id: 0,
  key,
  value: SETTING_DEFAULTS[key],
  documentNo: DEFAULT_DOCUMENTS[key],
  effectiveFrom: 0,
  recordedAt: 0,
  recordedBy: null,
});

export const isSettingKey = (k: string): k is SettingKey => Object.hasOwn(SETTING_DEFAULTS, k);

/**
 * The version of `key` in force at `at`: of those in effect by then, the one that took effect last,
 * then the one recorded last; the default when none is.
 */
export function versionInForce<V extends Pick<SettingVersion, 'id' | 'key' | 'effectiveFrom'>>(versions: readonly V[], key: SettingKey, at: number): V | SettingVersion {
  let best: V | null = null;
  for (const v of versions) {
    if (v.key !== key || v.effectiveFrom > at) continue;
    if (best === null || v.effectiveFrom > best.effectiveFrom || (v.effectiveFrom === best.effectiveFrom && v.id > best.id)) best = v;
  }
  return best ?? defaultVersion(key);
}

/** Every setting in force at `at`, each with the version (document, effective date) behind it. */
export interface SettingsInForce {
  values: MarketSettings;
  versions: Record<SettingKey, SettingVersion>;
}

export function settingsInForce(versions: readonly SettingVersion[], at: number): SettingsInForce {
  const values = {} as MarketSettings;
  const chosen = {} as Record<SettingKey, SettingVersion>;
  for (const key of SETTING_KEYS) {
    const v = versionInForce(versions, key, at);
    values[key] = v.value;
    chosen[key] = v;
  }
  return { values, versions: chosen };
}

/**
 * When a new version chosen for a date (YYYY-MM-DD, 00:00 China time as `dayStart`) takes effect, recorded
 * at `now`: from 00:00 of that day, or at once when the day is today. A day before today is refused: a
 * change never rewrites the past.
 */
export function effectiveFromFor(dayStart: number, now: number): number {
  ensure(dayStart >= startOfDayCst(now), 'settingInPast');
  return Math.max(dayStart, now);
}

/** The reclamation periods that bind a project: each as in force when its clock started. */
export interface ReclamationYears {
  afterApproval: number;
  afterTrade: number;
}

export const DEFAULT_RECLAMATION_YEARS: ReclamationYears = {
  afterApproval: SETTING_DEFAULTS.reclamationYearsAfterApproval,
  afterTrade: SETTING_DEFAULTS.reclamationYearsAfterTrade,
};

/**
 * A project's reclamation periods (seed 001 二(二)): the period after approval as in force at its
 * approval, the period after the trade as in force at its first trade (its default until then).
 */
export function reclamationYearsOf(versions: readonly SettingVersion[], p: { approvedAt: number; firstTradedAt: number | null }): ReclamationYears {
  return {
    afterApproval: versionInForce(versions, 'reclamationYearsAfterApproval', p.approvedAt).value,
    afterTrade: p.firstTradedAt === null ? DEFAULT_RECLAMATION_YEARS.afterTrade : versionInForce(versions, 'reclamationYearsAfterTrade', p.firstTradedAt).value,
  };
}

/** The shortest of each period ever in force (defaults included): bounds for "which deadlines can be near". */
export function shortestReclamationYears(versions: readonly SettingVersion[]): ReclamationYears {
  const min = (key: SettingKey) => Math.min(SETTING_DEFAULTS[key], ...versions.filter((v) => v.key === key).map((v) => v.value));
  return { afterApproval: min('reclamationYearsAfterApproval'), afterTrade: min('reclamationYearsAfterTrade') };
}
