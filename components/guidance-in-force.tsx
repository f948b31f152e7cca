// The guidance in force now, one line per type of reclaimed land (seed 001 三(三)).
import { type Locale, translator } from '@/lib/i18n';
import { isoDateCst } from '@/server/kernel/china-time';
import type { LandType } from '@/server/projects/domain/projects';
import { PricePerMu } from './ui';

export interface InForce {
  landType: LandType;
  guidance: { referenceFenPerMu: number; floorFenPerMu: number; documentRef: string; validFrom: number; validTo: number | null } | null;
}

export function GuidanceInForce({ rows, locale }: { rows: InForce[]; locale: Locale }) {
  const t = translator(locale, 'market');
  const tu = translator(locale, 'ui');
  if (rows.every((r) => r.guidance === null)) return <p className="muted">{t('guidance_noneInForce')}</p>;
  return (
    <div className="table-scroll">
      <table data-testid="guidance-in-force">
        <thead>
          <tr>
            <th>{t('col_landType')}</th>
            <th className="num">{t('guidance_reference')}</th>
            <th className="num">{t('guidance_floor')}</th>
            <th>{t('guidance_period')}</th>
            <th>{t('guidance_documentRef')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ landType, guidance: g }) => (
            <tr key={landType}>
              <td>{tu(`landType_${landType}`)}</td>
              {g === null ? (
                <td colSpan={4} className="muted">
                  {t('guidance_none')}
                </td>
              ) : (
                <>
                  <td className="num">
                    <PricePerMu fen={g.referenceFenPerMu} locale={locale} />
                  </td>
                  <td className="num">
                    <PricePerMu fen={g.floorFenPerMu} locale={locale} />
                  </td>
                  <td>
                    <Period from={g.validFrom} to={g.validTo} locale={locale} />
                  </td>
                  <td>{g.documentRef}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A period as its first and last day (the stored end is the moment after the last day). */
export function Period({ from, to, locale }: { from: number; to: number | null; locale: Locale }) {
  const t = translator(locale, 'market');
  return (
    <span className="num">
      <Day ms={from} /> – {to === null ? t('guidance_open') : <Day ms={to - 1} />}
    </span>
  );
}

/** A day in China time as YYYY-MM-DD. */
const Day = ({ ms }: { ms: number }) => <>{isoDateCst(ms)}</>;
