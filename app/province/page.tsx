// The province's review queue: approve a listing (it is announced) or reject it with a reason.
import Link from 'next/link';
import { ReviewControls } from '@/components/admin-controls';
import { TodoList } from '@/components/todo-list';
import { Mu, PricePerMu, Time } from '@/components/ui';
import { translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';

export default async function ReviewQueuePage() {
  const { caller, locale } = await requireRole('province');
  const t = translator(locale, 'admin');
  const tu = translator(locale, 'ui');
  const [queue, projects, obligations, todo] = await Promise.all([caller.listings.reviewQueue(), caller.projects.queue(), caller.projects.obligations(), caller.notifications.todo()]);
  const overdue = obligations.filter((o) => o.obligation?.state === 'overdue').length;
  const due = obligations.filter((o) => o.obligation?.state === 'due').length;
  return (
    <>
      {/* What else waits for the province: project approvals and reclamation falling due. */}
      <p className={overdue > 0 ? 'card error' : 'card'} data-testid="province-summary">
        <Link href="/projects">{t('summary_projects', { n: projects.length })}</Link>
        {' · '}
        <Link href="/obligations">{t('summary_obligations', { overdue, due })}</Link>
      </p>
      <TodoList todo={todo} />
      <h1>{t('review_title')}</h1>
      <p className="muted">{t('review_intro')}</p>
      {queue.length === 0 ? <p className="card muted">{t('review_empty')}</p> : null}
      {queue.map((l) => (
        <section key={l.id} id={`review-${l.id}`} className="card" data-testid="review-item" data-code={l.code}>
          <h2>
            <Link href={`/listings/${l.id}`}>{l.code}</Link> · {l.cityName} {l.countyName} · {tu(`mode_${l.mode}`)}
          </h2>
          <table>
            <tbody>
              <tr>
                <th>{t('col_lot')}</th>
                <td>
                  {l.lotCode} · {l.projectName} · {tu(`landType_${l.landType}`)}
                </td>
                <th>{t('col_qty')}</th>
                <td className="num"><Mu milliMu={l.qtyMilliMu} locale={locale} /></td>
              </tr>
              <tr>
                <th>{t('col_reserve')}</th>
                <td className="num"><PricePerMu fen={l.reservePriceFenPerMu} locale={locale} /></td>
                <th>{t('field_minLot')}</th>
                <td className="num"><Mu milliMu={l.minLotMilliMu} locale={locale} /></td>
              </tr>
              <tr>
                <th>{t('col_opensAt')}</th>
                <td><Time ms={l.opensAt} locale={locale} /></td>
                <th>{t('col_closesAt')}</th>
                <td><Time ms={l.closesAt} locale={locale} /></td>
              </tr>
              {/* The county's note is read in review whatever the mode; the increment is an auction's only. */}
              <tr>
                {l.mode === 'auction' ? (
                  <>
                    <th>{t('field_increment')}</th>
                    <td className="num"><PricePerMu fen={l.incrementFenPerMu} locale={locale} /></td>
                  </>
                ) : null}
                <th>{t('col_note')}</th>
                <td colSpan={l.mode === 'auction' ? 1 : 3}>{l.note}</td>
              </tr>
            </tbody>
          </table>
          <ReviewControls listing={l} />
        </section>
      ))}
    </>
  );
}
