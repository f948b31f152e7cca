// What a refused form hears field by field, over the real HTTP path (the error formatter runs as for a
// browser): the real reason for each field (blank, not a number, negative, too many decimals, too
// large, nothing chosen) in the user's language, and a message that names no internal field.
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '@/lib/i18n/define';
import { appRouter } from '@/server/app-router';
import { sessionUser } from '@/server/users/queries';
import { type Harness, T0, makeHarness } from '@/server/testing/harness';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness();
});
afterAll(() => h.close());

async function refusal(path: string, username: string, locale: Locale, input: unknown) {
  const req = new Request(`http://localhost/api/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const res = await fetchRequestHandler({ endpoint: '/api/trpc', req, router: appRouter, createContext: async () => ({ services: h.services, user: await sessionUser(h.db, (await h.userId(username))), locale }) });
  expect(res.status).toBe(400);
  const body = (await res.json()) as { error: { message: string; data: { fieldErrors: Record<string, string> } } };
  return { message: body.error.message, fields: body.error.data.fieldErrors };
}

const listing = (over: Record<string, unknown>) => ({ lotId: 1, mode: 'auction', qty: '10', reservePrice: '30000', minLot: '10', increment: '100', opensAt: T0, closesAt: T0 + 86_400_000, note: '', ...over });

const cases: { name: string; path: string; user: string; input: unknown; zh: Record<string, string>; en: Record<string, string> }[] = [
  {
    name: 'a listing: negative, huge, too many decimals, letters, blank',
    path: 'listings.create',
    user: 'pianguan',
    input: listing({ qty: '-5', reservePrice: '99999999999999', minLot: '1.2345', increment: 'abc', note: undefined, opensAt: undefined }),
    zh: { qty: '不能为负数。', reservePrice: '不能超过 10,000,000。', minLot: '最多 3 位小数。', increment: '请输入数字。', opensAt: '此项必填。' },
    en: { qty: 'Cannot be negative.', reservePrice: 'Cannot exceed 10,000,000.', minLot: 'At most 3 decimals.', increment: 'Enter a number.' },
  },
  {
    name: 'a price just above the limit, a blank quantity',
    path: 'listings.create',
    user: 'pianguan',
    input: listing({ qty: ' ', reservePrice: '10000000.01', minLot: '0' }),
    zh: { qty: '此项必填。', reservePrice: '不能超过 10,000,000。', minLot: '必须大于零。' },
    en: { qty: 'Required.', minLot: 'Must be above zero.' },
  },
  {
    name: 'a spending: negative amount, no category',
    path: 'proceeds.spend',
    user: 'pianguan',
    input: { spentOn: '', amount: '-1', category: '', purpose: '', budgetRef: 'x' },
    zh: { spentOn: '此项必填。', amount: '不能为负数。', category: '此项必填。', purpose: '此项必填。' },
    en: { amount: 'Cannot be negative.', category: 'Required.' },
  },
  {
    name: 'a use of rights with no right chosen and a blank application',
    path: 'rights.use',
    user: 'zone',
    input: { applicationName: '', approvalRef: 'x', area: '1.0001', rights: [] },
    zh: { applicationName: '此项必填。', area: '最多 3 位小数。', rights: '请至少选择一项核销的权利。' },
    en: { rights: 'Choose at least one right to use.' },
  },
  {
    name: 'guidance without dates or document',
    path: 'guidance.publish',
    user: 'province',
    input: { validFrom: '', validTo: '', landType: 'all', reference: '3万', floor: '20000.001', documentRef: '' },
    zh: { validFrom: '此项必填。', reference: '请输入数字。', floor: '最多 2 位小数。', documentRef: '此项必填。' },
    en: { validFrom: 'Required.', reference: 'Enter a number.', floor: 'At most 2 decimals.' },
  },
  {
    name: 'a user without an organisation',
    path: 'users.create',
    user: 'province',
    input: { username: 'ab', displayName: 'x', organisationId: null, password: 'Passw0rd1' },
    zh: { organisationId: '此项必填。', username: '用户名为 3—64 位小写字母、数字或 _ . -。' },
    en: { organisationId: 'Required.' },
  },
  {
    name: 'settings with fractions and negatives',
    path: 'settings.addVersion',
    user: 'province',
    input: { depositRateBp: -1, paymentDays: 1.5, antiSnipingWindowSeconds: 300, antiSnipingExtensionSeconds: 90_000, documentNo: ' ', effectiveDate: '' },
    zh: { depositRateBp: '不能为负数。', paymentDays: '请输入整数。', antiSnipingExtensionSeconds: '数值过大。', documentNo: '此项必填。', effectiveDate: '此项必填。' },
    en: { depositRateBp: 'Cannot be negative.', paymentDays: 'Enter a whole number.', documentNo: 'Required.' },
  },
  {
    name: 'a plan with a negative area and a grade as typed',
    path: 'projects.create',
    user: 'pianguan',
    input: { name: 'x', villages: 'y', forCrossRegion: true, landType: 'ordinary', resettlement: '0', plots: [{ code: 'A', village: 'v', currentUse: 'homestead', area: '-3', farmland: '1', farmlandGrade: '十一' }] },
    zh: { 'plots.0.area': '不能为负数。', 'plots.0.farmlandGrade': '耕地质量等级为 1—10 的整数。' },
    en: { 'plots.0.area': 'Cannot be negative.' },
  },
];

describe('field errors', () => {
  for (const c of cases) {
    it(`${c.path}, ${c.name}: each field's real reason, all at once, in Chinese and in English`, async () => {
      for (const locale of ['zh', 'en'] as const) {
        const r = await refusal(c.path, c.user, locale, c.input);
        expect(r.fields).toMatchObject(c[locale]);
        // The message is for the form as a whole: it counts the fields and names none of them.
        for (const field of Object.keys(r.fields)) expect(r.message).not.toContain(field);
        expect(r.message).toBe(locale === 'zh' ? `有 ${Object.keys(r.fields).length} 项填写有误，请按各项旁的提示修改。` : `Fields to correct: ${Object.keys(r.fields).length}; see the note beside each.`);
      }
    });
  }

  it('a grade typed as text is read as the number it is', async () => {
    const plot = { code: 'A', village: 'v', currentUse: 'homestead' as const, area: '10', farmland: '5', farmlandGrade: ' 6 ' };
    const p = await h.as('pianguan').projects.create({ name: '等级', villages: 'y', forCrossRegion: true, landType: 'ordinary', resettlement: '0', plots: [plot, { ...plot, code: 'B', farmland: '0', farmlandGrade: '' }] });
    expect((await h.as('pianguan').projects.get({ id: p.id })).plots.map((x) => x.farmlandGrade)).toEqual([6, null]);
  });
});
