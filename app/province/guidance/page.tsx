// Price guidance (seed 001 三(三)): what is in force, every period published, and a form for a new one.
import { GuidanceForm } from '@/components/guidance-form';
import { GuidanceInForce, Period } from '@/components/guidance-in-force';
import { PricePerMu, Time } from '@/components/ui';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';

export default async function GuidancePage() {
  const { caller, locale } = await requireRole('province');
  const t = translator(locale, 'market');
  const tu = translator(locale, 'ui');
  const [current, history] = await Promise.all([caller.guidance.current(), caller.guidance.history()]);

  return (
    <>
      <h1>{t('guidance_title')}</h1>
      <p className="muted">{t('guidance_intro')}</p>
      <h2>{t('guidance_inForce')}</h2>
      <GuidanceInForce rows={current} locale={locale} />
      <section className="card">
        <h2>{t('guidance_publish')}</h2>
        <GuidanceForm />
      </section>
      <h2>{t('guidance_history')}</h2>
      {history.length === 0 ? (
        <p className="card muted">{t('guidance_historyEmpty')}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="guidance-history">
            <thead>
              <tr>
                <th>{t('guidance_period')}</th>
                <th>{t('col_landType')}</th>
                <th className="num">{t('guidance_reference')}</th>
                <th className="num">{t('guidance_floor')}</th>
                <th>{t('guidance_documentRef')}</th>
                <th>{t('guidance_publishedAt')}</th>
                <th>{t('guidance_publishedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((g) => (
                <tr key={g.id}>
                  <td>
                    <Period from={g.validFrom} to={g.validTo} locale={locale} />
                  </td>
                  <td>{g.landType === null ? t('guidance_landAll') : tu(`landType_${g.landType}`)}</td>
                  <td className="num">
                    <PricePerMu fen={g.referenceFenPerMu} locale={locale} />
                  </td>
                  <td className="num">
                    <PricePerMu fen={g.floorFenPerMu} locale={locale} />
                  </td>
                  <td>{g.documentRef}</td>
                  <td>
                    <Time ms={g.publishedAt} locale={locale} />
                  </td>
                  <td>{g.publishedByName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
