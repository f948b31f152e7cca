// Demo data: places from seed 000, the province, a city bureau, zones, approved projects with quota
// lots, zone funds, an open auction, and one user per role (listed in the README). Quota and money
// enter through the same services the app uses, so the ledger balances from the first entry.
import 'server-only';
import { hash } from '@node-rs/argon2';
import { DEMO_PASSWORD } from '@/server/kernel/env';
import { eq } from 'drizzle-orm';
import { type Db, inTransaction } from '@/db/client';
import { organisations, users } from '@/db/schema';
import { seedPlaces } from '@/server/places/seed-places';
import { lotOfProject } from '@/server/projects/queries';
import { PLAN_KINDS, PLAN_STANDARD } from '@/server/holdings/domain/plan';
import type { CurrentUse, LandType } from '@/server/projects/domain/projects';
import type { Services } from '@/server/kernel/deps';
import { receiveBankTransfer } from '@/server/accounts/funds';
import { allocatePlan } from '@/server/holdings/holdings';
import { publishGuidance } from '@/server/guidance/guidance';
import { startOfDayCst, yearCst } from '@/server/kernel/china-time';
import { attachDocument, cityReview, draftProject, provinceReview, submitProject } from '@/server/projects/projects';
import { createListing, reviewListing } from '@/server/market/listings';
import { DAY_MS } from '@/server/kernel/china-time';


const DEMO_USERS = [
  { username: 'province', displayName: '省厅交易管理员', org: '山西省自然资源厅' },
  { username: 'xinzhou', displayName: '忻州市局审查员', org: '忻州市自然资源局' },
  { username: 'pianguan', displayName: '偏关县自然资源局', org: '偏关县' },
  { username: 'hequ', displayName: '河曲县自然资源局', org: '河曲县' },
  { username: 'baode', displayName: '保德县自然资源局', org: '保德县' },
  { username: 'zone', displayName: '综改区土地分局', org: '山西转型综改示范区' },
  { username: 'zone2', displayName: '演示开发区甲用户', org: '晋中开发区（演示）' },
  { username: 'zone3', displayName: '演示开发区乙用户', org: '大同开发区（演示）' },
  // The province's second official: confirms (or rejects) the transfers another records.
  { username: 'checker', displayName: '省厅复核员', org: '山西省自然资源厅' },
] as const;

type DemoPlot = [code: string, village: string, use: CurrentUse, areaMilliMu: number, farmlandMilliMu: number, grade: number | null];

/** Demo linking projects; their plots add up to the surplus each issues on approval. */
const DEMO_PROJECTS: { county: string; name: string; villages: string; landType: LandType; plots: DemoPlot[] }[] = [
  {
    county: '偏关县',
    name: '偏关县2026年度增减挂钩项目区（一）',
    villages: '老营镇、万家寨镇',
    landType: 'ordinary',
    plots: [
      ['LY-01', '老营镇老营村', 'homestead', 800_000, 720_500, 6],
      ['WJZ-01', '万家寨镇万家寨村', 'abandoned_village', 548_888, 490_000, 7],
    ],
  },
  {
    county: '偏关县',
    name: '偏关县2026年度增减挂钩项目区（二）',
    villages: '天峰坪镇',
    landType: 'high_standard',
    plots: [['TFP-01', '天峰坪镇天峰坪村', 'homestead', 600_000, 560_000, 4]],
  },
  {
    county: '河曲县',
    name: '河曲县易地扶贫搬迁复垦项目区',
    villages: '沙坪乡、土沟乡',
    landType: 'ordinary',
    plots: [
      ['SP-01', '沙坪乡沙坪村', 'homestead', 500_450, 490_000, 6],
      ['TG-01', '土沟乡土沟村', 'abandoned_village', 320_000, 311_000, 7],
    ],
  },
  {
    county: '保德县',
    name: '保德县采煤沉陷区治理搬迁复垦项目区',
    villages: '桥头镇',
    landType: 'other',
    plots: [['QT-01', '桥头镇桥头村', 'industrial_mining', 1000_000, 950_000, 8]],
  },
];

/** A one-page PDF standing in for a plan document in the demo. */
export const DEMO_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

const plotPlan = ([code, village, currentUse, areaMilliMu, farmlandMilliMu, farmlandGrade]: DemoPlot) => ({
  code,
  village,
  currentUse,
  areaMilliMu,
  farmlandMilliMu,
  farmlandGrade,
});

async function orgId(db: Db, name: string): Promise<number> {
  return (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)).all())[0]!.id;
}

export async function seedDemo(s: Services) {
  const { db } = s;
  const now = s.clock.now();
  const passwordHash = await hash(DEMO_PASSWORD);

  await inTransaction(db, async (tx) => {
    const { cityId } = await seedPlaces(tx, { cityBureaux: ['忻州市'] });
    await tx.insert(organisations).values({ kind: 'zone', name: '山西转型综改示范区', cityId: await cityId('太原市') }).run();
    await tx.insert(organisations).values({ kind: 'zone', name: '晋中开发区（演示）', cityId: await cityId('晋中市'), isDemo: true }).run();
    await tx.insert(organisations).values({ kind: 'zone', name: '大同开发区（演示）', cityId: await cityId('大同市'), isDemo: true }).run();
    for (const u of DEMO_USERS) {
      const organisationId = (await tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, u.org)).all())[0]!.id;
      await tx.insert(users).values({ username: u.username, displayName: u.displayName, passwordHash, organisationId, createdAt: now }).run();
    }
  });


  const actorOf = async (username: string) => {
    const u = (await db.select().from(users).where(eq(users.username, username)).all())[0]!;
    return { userId: u.id, organisationId: u.organisationId };
  };
  const countyUser = { 偏关县: 'pianguan', 河曲县: 'hequ', 保德县: 'baode' } as Record<string, string>;
  const city = await actorOf('xinzhou');
  const province = await actorOf('province');

  // The demo projects went through the whole workflow a month ago; quota enters only by approval.
  const monthAgo: Services = { ...s, clock: { now: () => now - 30 * DAY_MS } };
  const lotIds: number[] = [];
  for (const [i, p] of DEMO_PROJECTS.entries()) {
    const county = await actorOf(countyUser[p.county]!);
    const draft = await draftProject(monthAgo, county, {
      name: p.name,
      villages: p.villages,
      forCrossRegion: true,
      landType: p.landType,
      resettlementMilliMu: 0,
      plots: p.plots.map(plotPlan),
    });
    await attachDocument(monthAgo, county, draft.id, { fileName: '实施方案.pdf', bytes: DEMO_PDF });
    await submitProject(monthAgo, county, draft.id);
    await cityReview(monthAgo, city, draft.id, { approve: true, reason: '' });
    await provinceReview(monthAgo, province, draft.id, { approve: true, reason: '', approvalRef: `晋自然资函〔2026〕${101 + i}号` });
    lotIds.push((await lotOfProject(db, draft.id))!.id);
  }

  // One more plan waiting for the city, so the review queue has something in it.
  const hequ = await actorOf('hequ');
  const waiting = await draftProject(s, hequ, {
    name: '河曲县2026年度增减挂钩项目区（二）',
    villages: '鹿固乡',
    forCrossRegion: true,
    landType: 'ordinary',
    resettlementMilliMu: 50_000,
    plots: [plotPlan(['LG-01', '鹿固乡鹿固村', 'homestead', 420_000, 380_000, 7])],
  });
  await attachDocument(s, hequ, waiting.id, { fileName: '河曲县鹿固乡项目区实施方案.pdf', bytes: DEMO_PDF });
  await submitProject(s, hequ, waiting.id);

  // This year's plan quota by seed 000's standard.
  const year = yearCst(now);
  for (const kind of PLAN_KINDS) {
    await allocatePlan(s, province, { kind, year, qtyMilliMu: PLAN_STANDARD[kind].qtyMilliMu, documentRef: `晋自然资发〔${year}〕1号`, to: { group: PLAN_STANDARD[kind].to } });
  }

  // Price guidance in force from today for every type of land (seed 001 三(三)).
  await publishGuidance(s, province, {
    validFrom: startOfDayCst(now),
    validTo: null,
    landType: null,
    referenceFenPerMu: 30_000_00,
    floorFenPerMu: 20_000_00,
    documentRef: `晋自然资发〔${year}〕2号`,
  });

  const funds = [
    ['山西转型综改示范区', 50_000_000_00],
    ['晋中开发区（演示）', 20_000_000_00],
    ['大同开发区（演示）', 20_000_000_00],
  ] as const;
  // Recorded by the province's trading official, confirmed by its checker (maker and checker).
  const officials = { proposer: province, checker: await actorOf('checker') };
  for (const [zone, amountFen] of funds) {
    await receiveBankTransfer(s, officials, { zoneId: await orgId(db, zone), amountFen, bankRef: `DEMO-${await orgId(db, zone)}-0001` });
  }

  // An auction already open for a week in 偏关县, so zones have something to bid on at once.
  const pianguan = await actorOf('pianguan');
  const listing = await createListing(s, pianguan, {
    lotId: lotIds[1]!,
    mode: 'auction',
    qtyMilliMu: 300_000,
    reservePriceFenPerMu: 20_000_00,
    minLotMilliMu: 50_000,
    incrementFenPerMu: 1_000_00,
    opensAt: now,
    closesAt: now + 7 * DAY_MS,
    note: '演示挂牌：偏关县节余指标，竞价交易',
  });
  await reviewListing(s, province, listing.id, { approve: true, reason: '' });
}
