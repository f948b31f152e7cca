// The county's quota per lot (free / listed / awarded / sold) and the form to list some of it.
import { ListingForm } from '@/components/admin-listing-form';
import { GuidanceInForce } from '@/components/guidance-in-force';
import { ObligationBanner } from '@/components/obligation-banner';
import { TodoList } from '@/components/todo-list';
import { Mu } from '@/components/ui';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';

export default async function CountyQuotaPage() {
  const { caller, locale, ctx } = await requireRole('county');
  const t = translator(locale, 'admin');
  const tu = translator(locale, 'ui');
  const [lots, obligations, todo] = await Promise.all([caller.accounts.quota(), caller.projects.obligations(), caller.notifications.todo()]);
  const sum = (k: 'qtyMilliMu' | 'freeMilliMu' | 'listedMilliMu' | 'awardedMilliMu' | 'soldMilliMu' | 'farmlandMilliMu') => lots.reduce((a, l) => a + l[k], 0);
  const freeLots = lots.filter((l) => l.freeMilliMu > 0);
  return (
    <>
      <ObligationBanner rows={obligations} locale={locale} />
      <h1>{t('quota_title')}</h1>
      <p className="muted">{t('quota_intro')}</p>
      <TodoList todo={todo} />
      <div className="table-scroll">
        <table data-testid="quota-table">
          <thead>
            <tr>
              <th>{t('col_lot')}</th>
              <th>{t('col_project')}</th>
              <th>{t('col_approval')}</th>
              <th>{t('col_landType')}</th>
              <th className="num">{t('col_total')}</th>
              <th className="num">{t('col_free')}</th>
              <th className="num">{t('col_listed')}</th>
              <th className="num">{t('col_awarded')}</th>
              <th className="num">{t('col_sold')}</th>
              <th className="num">{t('col_farmland')}</th>
            </tr>
          </thead>
          <tbody>
            {lots.map((l) => (
              <tr key={l.id} data-testid="lot-row">
                <td>{l.code}</td>
                <td>{l.projectName}</td>
                <td>{l.approvalRef}</td>
                <td>{tu(`landType_${l.landType}`)}</td>
                <td className="num"><Mu milliMu={l.qtyMilliMu} locale={locale} /></td>
                <td className="num" data-testid="lot-free"><Mu milliMu={l.freeMilliMu} locale={locale} /></td>
                <td className="num"><Mu milliMu={l.listedMilliMu} locale={locale} /></td>
                <td className="num"><Mu milliMu={l.awardedMilliMu} locale={locale} /></td>
                <td className="num"><Mu milliMu={l.soldMilliMu} locale={locale} /></td>
                <td className="num"><Mu milliMu={l.farmlandMilliMu} locale={locale} /></td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th colSpan={4}>{t('total')}</th>
              <td className="num"><Mu milliMu={sum('qtyMilliMu')} locale={locale} /></td>
              <td className="num"><Mu milliMu={sum('freeMilliMu')} locale={locale} /></td>
              <td className="num"><Mu milliMu={sum('listedMilliMu')} locale={locale} /></td>
              <td className="num"><Mu milliMu={sum('awardedMilliMu')} locale={locale} /></td>
              <td className="num"><Mu milliMu={sum('soldMilliMu')} locale={locale} /></td>
              <td className="num"><Mu milliMu={sum('farmlandMilliMu')} locale={locale} /></td>
            </tr>
          </tfoot>
        </table>
      </div>
      <section className="card" style={{ marginTop: 16 }}>
        <h2>{t('create_title')}</h2>
        {freeLots.length === 0 ? <p className="muted">{t('no_free_lots')}</p> : null}
        <ListingForm lots={freeLots} now={ctx.services.clock.now()} />
        <h3>{translator(locale, 'market')('guidance_inForce')}</h3>
        <GuidanceInForce rows={await caller.guidance.current()} locale={locale} />
      </section>
    </>
  );
}
