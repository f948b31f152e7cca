// The places every installation starts with (seed 000): Shanxi's cities, the provincial department,
// the national poverty counties, and the city bureaux named. No users, no zones, no money: those come
// from the operator (`npm run admin:create`) and the province's own administration.
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { NATIONAL_POVERTY_COUNTIES, SHANXI_CITIES } from './places';
import { cities, organisations } from '@/db/schema';

const PROVINCE_NAME = '山西省自然资源厅';
const cityBureauName = (city: string) => `${city.replace(/市$/, '')}市自然资源局`;

export async function seedPlaces(tx: Tx, opts: { cityBureaux: readonly string[] }) {
  for (const name of SHANXI_CITIES) await tx.insert(cities).values({ name }).run();
  const cityId = async (name: string) => (await tx.select({ id: cities.id }).from(cities).where(eq(cities.name, name)).all())[0]!.id;
  await tx.insert(organisations).values({ kind: 'province', name: PROVINCE_NAME }).run();
  for (const city of opts.cityBureaux) await tx.insert(organisations).values({ kind: 'city', name: cityBureauName(city), cityId: await cityId(city) }).run();
  for (const [city, counties] of Object.entries(NATIONAL_POVERTY_COUNTIES)) {
    for (const name of counties) await tx.insert(organisations).values({ kind: 'county', name, cityId: await cityId(city), nationalPoverty: true }).run();
  }
  return { cityId };
}
