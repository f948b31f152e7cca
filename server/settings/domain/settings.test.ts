import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@/server/kernel/errors';
import { DAY_MS, dayCst } from '@/server/kernel/china-time';
import {
  SETTING_DEFAULTS,
  SETTING_KEYS,
  type SettingKey,
  type SettingVersion,
  SEED_001_DOCUMENT,
  effectiveFromFor,
  reclamationYearsOf,
  settingsInForce,
  shortestReclamationYears,
  versionInForce,
} from './settings';

const key = fc.constantFrom<SettingKey>(...SETTING_KEYS);
const HORIZON = 1_000_000;

/**
 * A history as the use case writes it: versions recorded at rising moments, each taking effect no
 * earlier than its recording, with ids in recording order.
 */
const history = fc
  .array(fc.record({ key, value: fc.integer({ min: 0, max: 10000 }), gap: fc.nat(1000), delay: fc.oneof(fc.constant(0), fc.nat(5000)) }), { maxLength: 40 })
  .map((steps) => {
    let at = 0;
    return steps.map((s, i): SettingVersion => {
      at += s.gap;
      return { id: i + 1, key: s.key, value: s.value, documentNo: `文${i + 1}号`, effectiveFrom: at + s.delay, recordedAt: at, recordedBy: 1 };
    });
  });

/** The version in force, as the rule says it plainly: the latest to take effect by then, the latest recorded among equals. */
function naive(versions: readonly SettingVersion[], k: SettingKey, at: number) {
  const candidates = versions.filter((v) => v.key === k && v.effectiveFrom <= at).sort((a, b) => b.effectiveFrom - a.effectiveFrom || b.id - a.id);
  return candidates[0] ?? null;
}

describe('the version in force at a moment', () => {
  it('is the latest to take effect by then (the latest recorded among equals), else the default', () => {
    fc.assert(
      fc.property(history, key, fc.integer({ min: -1, max: HORIZON }), (versions, k, at) => {
        const got = versionInForce(versions, k, at);
        const want = naive(versions, k, at);
        if (want === null) expect(got).toMatchObject({ id: 0, key: k, value: SETTING_DEFAULTS[k], effectiveFrom: 0, recordedBy: null });
        else expect(got).toBe(want);
      }),
    );
  });

  it('does not depend on the order the versions are read in', () => {
    fc.assert(
      fc.property(history, key, fc.nat(HORIZON), fc.nat(), (versions, k, at, seed) => {
        const shuffled = [...versions].sort((a, b) => ((a.id * 7919 + seed) % 101) - ((b.id * 7919 + seed) % 101));
        expect(versionInForce(shuffled, k, at)).toEqual(versionInForce(versions, k, at));
      }),
    );
  });

  it('a change never rewrites the past: what was in force at a moment is what the versions recorded by then said', () => {
    fc.assert(
      fc.property(history, fc.nat(HORIZON), (versions, at) => {
        const knownThen = versions.filter((v) => v.recordedAt <= at);
        expect(settingsInForce(versions, at)).toEqual(settingsInForce(knownThen, at));
      }),
    );
  });

  it('gives every setting a value and the version behind it', () => {
    fc.assert(
      fc.property(history, fc.nat(HORIZON), (versions, at) => {
        const s = settingsInForce(versions, at);
        for (const k of SETTING_KEYS) {
          expect(s.values[k]).toBe(s.versions[k].value);
          expect(s.versions[k].effectiveFrom).toBeLessThanOrEqual(Math.max(at, 0));
        }
      }),
    );
  });

  it('the reclamation periods default to seed 001 二(二): 2 years after the trade, 3 after approval', () => {
    const s = settingsInForce([], 0);
    expect(s.values).toMatchObject({ reclamationYearsAfterTrade: 2, reclamationYearsAfterApproval: 3, holdbackBp: 0, depositRateBp: 2000 });
    expect(s.versions.reclamationYearsAfterTrade.documentNo).toBe(SEED_001_DOCUMENT);
    expect(s.versions.depositRateBp.documentNo).toBe('—');
  });
});

describe('when a new version takes effect', () => {
  const now = dayCst(2026, 11, 2) + 9 * 3_600_000;

  it('from 00:00 China time of a later day; at once for today; never for a day before today', () => {
    expect(effectiveFromFor(dayCst(2026, 11, 4), now)).toBe(dayCst(2026, 11, 4));
    expect(effectiveFromFor(dayCst(2026, 11, 2), now)).toBe(now);
    expect(() => effectiveFromFor(dayCst(2026, 11, 1), now)).toThrow(DomainError);
    expect(() => effectiveFromFor(dayCst(2026, 11, 1), now)).toThrow('settingInPast');
  });

  it('is never before the moment it is recorded, whatever the day chosen', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30, max: 30 }), fc.nat(DAY_MS - 1), (days, msIntoDay) => {
        const at = dayCst(2026, 11, 2) + msIntoDay;
        const day = dayCst(2026, 11, 2 + days);
        if (days < 0) expect(() => effectiveFromFor(day, at)).toThrow('settingInPast');
        else expect(effectiveFromFor(day, at)).toBeGreaterThanOrEqual(at);
      }),
    );
  });
});

describe('the reclamation periods that bind a project', () => {
  const v = (id: number, key: SettingKey, value: number, effectiveFrom: number): SettingVersion => ({ id, key, value, documentNo: 'x', effectiveFrom, recordedAt: effectiveFrom, recordedBy: 1 });
  const versions = [v(1, 'reclamationYearsAfterApproval', 5, 100), v(2, 'reclamationYearsAfterTrade', 1, 200)];

  it('are those in force at its approval and at its first trade', () => {
    expect(reclamationYearsOf(versions, { approvedAt: 50, firstTradedAt: null })).toEqual({ afterApproval: 3, afterTrade: 2 });
    expect(reclamationYearsOf(versions, { approvedAt: 150, firstTradedAt: 180 })).toEqual({ afterApproval: 5, afterTrade: 2 });
    expect(reclamationYearsOf(versions, { approvedAt: 50, firstTradedAt: 250 })).toEqual({ afterApproval: 3, afterTrade: 1 });
  });

  it('the shortest ever in force bound which deadlines can be near', () => {
    expect(shortestReclamationYears([])).toEqual({ afterApproval: 3, afterTrade: 2 });
    expect(shortestReclamationYears(versions)).toEqual({ afterApproval: 3, afterTrade: 1 });
  });
});
