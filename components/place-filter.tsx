// The city and county choices of a province's filter form (dashboards, integrity screens): the
// counties listed are those of the chosen city, or every county.
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '@/server/app-router';

type Places = inferRouterOutputs<AppRouter>['stats']['places'];

export function PlaceFilter({ places, cityId, countyId, labels }: { places: Places; cityId: number | null; countyId: number | null; labels: { city: string; county: string; all: string } }) {
  return (
    <>
      <label>
        {labels.city}
        <select name="cityId" defaultValue={cityId ?? ''}>
          <option value="">{labels.all}</option>
          {places.cities.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {labels.county}
        <select name="countyId" defaultValue={countyId ?? ''}>
          <option value="">{labels.all}</option>
          {places.counties
            .filter((c) => !cityId || c.cityId === cityId)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {c.cityName} · {c.name}
              </option>
            ))}
        </select>
      </label>
    </>
  );
}
