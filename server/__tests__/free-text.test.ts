// Free text through the routers: a control character or a bidi control in a name, a reference, a
// note or a reason is refused with a message in the caller's language, naming the field, and nothing
// is written; the same input with clean text is not refused for its text. Notes and reasons may span
// lines, names and references may not.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/define';
import { appRouter } from '@/server/app-router';
import { sessionUser } from '@/server/users/queries';
import { type Harness, makeHarness } from '@/server/testing/harness';
import { dumpTables } from '@/server/testing/refusals';

const MESSAGE: Record<Locale, string> = { zh: '不能含有控制字符或文字方向控制符。', en: 'Must not contain control characters or text-direction control characters.' };
// NUL, BEL, ESC, DEL, a C1 control, the right-to-left override, an isolate, a mark, the Arabic letter mark.
const BAD = ['\u0000', '\u0007', '\u001B', '\u007F', '\u0085', '\u202E', '\u2067', '\u200F', '\u061C'];

let h: Harness;
let lotId = 0;
let zoneId = 0;
let organisationId = 0;
beforeAll(async () => {
  h = await makeHarness();
  lotId = (await h.as('pianguan').accounts.quota())[0]!.id;
  zoneId = (await h.actor('zone')).organisationId;
  organisationId = (await h.actor('hequ')).organisationId;
});
afterAll(() => h.close());

/** A mutation over HTTP (tRPC's fetch adapter), so the error formatter gives the message as a browser gets it. */
async function post(path: string, username: string, locale: Locale, input: unknown) {
  const user = await sessionUser(h.db, (await h.userId(username)));
  const req = new Request(`http://localhost/api/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const res = await fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter, createContext: () => ({ services: h.services, user, locale }) });
  const body = (await res.json()) as { result?: { data: unknown }; error?: { message: string; data: { code: string; fieldErrors?: Record<string, string> } } };
  return { status: res.status, body };
}

const plan = (name: string, village = '杨家湾村') => ({
  name,
  villages: '杨家湾镇',
  forCrossRegion: true,
  landType: 'ordinary' as const,
  resettlement: '10',
  plots: [{ code: 'YJW-01', village, currentUse: 'homestead' as const, area: '80', farmland: '70', farmlandGrade: 5 }],
});

/** One text field of one procedure: the input with `text` in that field and every other field valid. */
const FIELDS: { field: string; path: string; username: string; input: (text: string) => unknown }[] = [
  {
    field: 'note',
    path: 'listings.create',
    username: 'pianguan',
    input: (note) => ({ lotId, mode: 'auction', qty: '10', reservePrice: '30000', minLot: '10', increment: '100', opensAt: h.clock.now(), closesAt: h.clock.now() + 86_400_000, note }),
  },
  { field: 'name', path: 'projects.create', username: 'baode', input: (name) => plan(name) },
  { field: 'plots.0.village', path: 'projects.create', username: 'baode', input: (village) => plan('保德县2026年度项目区', village) },
  { field: 'bankRef', path: 'accounts.proposeTransfer', username: 'province', input: (bankRef) => ({ zoneId, amount: '1', bankRef }) },
  { field: 'displayName', path: 'users.create', username: 'province', input: (displayName) => ({ username: `u${Math.random().toString(36).slice(2, 10)}`, displayName, organisationId, password: 'Clean2026text' }) },
  { field: 'documentRef', path: 'stats.setTarget', username: 'province', input: (documentRef) => ({ year: 2027, qty: '900', documentRef, to: { group: 'poverty' } }) },
  { field: 'documentRef', path: 'guidance.publish', username: 'province', input: (documentRef) => ({ validFrom: '2026-11-02', validTo: '', landType: 'all', reference: '32000', floor: '25000', documentRef }) },
  { field: 'note', path: 'outlook.declare', username: 'zone', input: (note) => ({ year: 2026, area: '10', note }) },
  { field: 'documentNo', path: 'settings.addVersion', username: 'province', input: (documentNo) => ({ holdbackBp: 100, documentNo, effectiveDate: '2026-11-02' }) },
  { field: 'purpose', path: 'proceeds.spend', username: 'pianguan', input: (purpose) => ({ spentOn: '2026-11-01', amount: '1', category: 'other', purpose, budgetRef: '偏财预〔2026〕12号' }) },
];
const SINGLE_LINE = ['name', 'plots.0.village', 'bankRef', 'displayName', 'documentRef', 'documentNo'];

/** Refused as BAD_REQUEST with the text message on `field` alone, and not a row changed. */
async function refusedText(f: (typeof FIELDS)[number], locale: Locale, text: string) {
  const before = await dumpTables(h.db);
  const r = await post(f.path, f.username, locale, f.input(text));
  expect(r.status, `${f.path} ${JSON.stringify(text)}`).toBe(400);
  expect(r.body.error!.data.code).toBe('BAD_REQUEST');
  expect(r.body.error!.message).toBe(locale === 'zh' ? '有 1 项填写有误，请按各项旁的提示修改。' : 'Fields to correct: 1; see the note beside each.');
  expect(r.body.error!.data.fieldErrors).toEqual({ [f.field]: MESSAGE[locale] });
  expect((await dumpTables(h.db))).toEqual(before);
}

describe('free text with control or text-direction characters', () => {
  for (const f of FIELDS) {
    it(`${f.path} ${f.field}: refused in Chinese and in English, naming the field, and nothing is written`, async () => {
      for (const bad of BAD) {
        await refusedText(f, 'zh', `山西${bad}偏关`);
        await refusedText(f, 'en', `${bad}Shanxi`);
      }
      // The same input with clean text passes the schema: it is taken, or a later rule (not the text's) refuses it.
      const clean = await post(f.path, f.username, 'zh', f.input('山西偏关 Shanxi（2026）'));
      expect(clean.body.error?.data.fieldErrors ?? {}).toEqual({});
    });
  }

  it('a note and a reason may span lines; a name or a reference may not', async () => {
    const note = '第一行\n\t第二行\r\n第三行';
    const listing = await h.as('pianguan').listings.create(FIELDS[0]!.input(note) as never);
    expect(listing.note).toBe(note);
    await h.as('province').listings.review({ listingId: listing.id, approve: false, reason: '底价偏低，\n请重新核定。' });
    for (const f of FIELDS.filter((x) => SINGLE_LINE.includes(x.field))) for (const text of ['第一行\n第二行', '甲\t乙', '甲\r乙']) await refusedText(f, 'zh', text);
  });

  it('surrounding whitespace is trimmed before the check, so a trailing line break in a name is not refused', async () => {
    const project = await h.as('baode').projects.create(plan('保德县2026年度项目区（二）\n'));
    expect(project.name).toBe('保德县2026年度项目区（二）');
    // A control character is not whitespace: trimming does not hide it.
    await refusedText(FIELDS[1]!, 'en', '保德县项目区\u0000');
  });
});
