// Demo data: places from seed 000, the province, a city bureau, zones, approved projects with quota
// lots, zone funds, an open auction, and one user per role (listed in the README). Quota and money
// enter through the same services the app uses, so the ledger balances from the first entry.
import { hash } from '@node-rs/argon2';
import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { cities, organisations, users } from './schema';
import { NATIONAL_POVERTY_COUNTIES, SHANXI_CITIES } from './places';
import { insertProject } from '@/server/data/lots';
import type { Services } from '@/server/services/context';
import { recordBankTransfer } from '@/server/services/funds';
import { issueLot } from '@/server/services/lots';
import { createListing, reviewListing } from '@/server/services/listings';
import { DAY_MS } from '@/server/domain/settings';

export const DEMO_PASSWORD = 'Demo@2026';

export const DEMO_USERS = [
  { username: 'province', displayName: '省厅交易管理员', org: '山西省自然资源厅' },
  { username: 'xinzhou', displayName: '忻州市局审查员', org: '忻州市自然资源局' },
  { username: 'pianguan', displayName: '偏关县自然资源局', org: '偏关县' },
  { username: 'hequ', displayName: '河曲县自然资源局', org: '河曲县' },
  { username: 'baode', displayName: '保德县自然资源局', org: '保德县' },
  { username: 'zone', displayName: '综改区土地分局', org: '山西转型综改示范区' },
  { username: 'zone2', displayName: '演示开发区甲用户', org: '晋中开发区（演示）' },
  { username: 'zone3', displayName: '演示开发区乙用户', org: '大同开发区（演示）' },
] as const;

const DEMO_PROJECTS = [
  { county: '偏关县', name: '偏关县2026年度增减挂钩项目区（一）', villages: '老营镇、万家寨镇', lots: [[1348_888, 1210_500, 'ordinary']] },
  { county: '偏关县', name: '偏关县2026年度增减挂钩项目区（二）', villages: '天峰坪镇', lots: [[600_000, 560_000, 'high_standard']] },
  { county: '河曲县', name: '河曲县易地扶贫搬迁复垦项目区', villages: '沙坪乡、土沟乡', lots: [[820_450, 801_000, 'ordinary']] },
  { county: '保德县', name: '保德县采煤沉陷区治理搬迁复垦项目区', villages: '桥头镇', lots: [[1000_000, 950_000, 'other']] },
] as const;

function orgId(db: Db, name: string): number {
  return db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name)).all()[0]!.id;
}

export async function seedDemo(s: Services) {
  const { db } = s;
  const now = s.clock.now();
  const passwordHash = await hash(DEMO_PASSWORD);

  db.transaction((tx) => {
    for (const name of SHANXI_CITIES) tx.insert(cities).values({ name }).run();
    const cityId = (name: string) => tx.select({ id: cities.id }).from(cities).where(eq(cities.name, name)).all()[0]!.id;
    tx.insert(organisations).values({ kind: 'province', name: '山西省自然资源厅' }).run();
    tx.insert(organisations).values({ kind: 'city', name: '忻州市自然资源局', cityId: cityId('忻州市') }).run();
    for (const [city, counties] of Object.entries(NATIONAL_POVERTY_COUNTIES)) {
      for (const name of counties) tx.insert(organisations).values({ kind: 'county', name, cityId: cityId(city), nationalPoverty: true }).run();
    }
    tx.insert(organisations).values({ kind: 'zone', name: '山西转型综改示范区', cityId: cityId('太原市') }).run();
    tx.insert(organisations).values({ kind: 'zone', name: '晋中开发区（演示）', cityId: cityId('晋中市'), isDemo: true }).run();
    tx.insert(organisations).values({ kind: 'zone', name: '大同开发区（演示）', cityId: cityId('大同市'), isDemo: true }).run();
    for (const u of DEMO_USERS) {
      const organisationId = tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, u.org)).all()[0]!.id;
      tx.insert(users).values({ username: u.username, displayName: u.displayName, passwordHash, organisationId, createdAt: now }).run();
    }
  });

  const provinceUser = db.select().from(users).where(eq(users.username, 'province')).all()[0]!;
  const province = { userId: provinceUser.id, organisationId: provinceUser.organisationId };

  let lotNo = 0;
  const lotIds: number[] = [];
  for (const p of DEMO_PROJECTS) {
    const countyId = orgId(db, p.county);
    const project = insertProject(db, {
      countyId,
      name: p.name,
      villages: p.villages,
      approvedAt: now - 30 * DAY_MS,
      approvalRef: `晋自然资函〔2026〕${101 + lotNo}号`,
    });
    for (const [qty, farmland, landType] of p.lots) {
      lotNo += 1;
      const lot = issueLot(s, province, {
        projectId: project.id,
        countyId,
        code: `ZB${new Date(now).getUTCFullYear()}-${String(lotNo).padStart(4, '0')}`,
        qtyMilliMu: qty,
        farmlandMilliMu: farmland,
        landType,
      });
      lotIds.push(lot.id);
    }
  }

  const funds = [
    ['山西转型综改示范区', 50_000_000_00],
    ['晋中开发区（演示）', 20_000_000_00],
    ['大同开发区（演示）', 20_000_000_00],
  ] as const;
  for (const [zone, amountFen] of funds) {
    recordBankTransfer(s, province, { zoneId: orgId(db, zone), amountFen, bankRef: `DEMO-${orgId(db, zone)}-0001` });
  }

  // An auction already open for a week in 偏关县, so zones have something to bid on at once.
  const pianguanUser = db.select().from(users).where(eq(users.username, 'pianguan')).all()[0]!;
  const pianguan = { userId: pianguanUser.id, organisationId: pianguanUser.organisationId };
  const listing = createListing(s, pianguan, {
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
  reviewListing(s, province, listing.id, { approve: true, reason: '' });
}
