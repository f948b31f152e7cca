// The province browses the audit log: a plain GET form of filters, fifty records a page,
// newest first, each in words: who (user and organisation) did what (the action) to which record
// (by its number, linked), and what changed as labelled fields, before → after (lib/audit-view.ts).
import Link from 'next/link';
import { load } from '@/components/market-load';
import { PageError } from '@/components/market-notice';
import { Time } from '@/components/ui';
import { type Shown, KNOWN_ACTIONS, actionKey, auditView } from '@/lib/audit-view';
import { type Locale, type MessageKey, hasKey, translate, translator } from '@/lib/i18n';
import { requireRole } from '@/server/web/page';

type Search = Promise<Record<string, string | string[] | undefined>>;
const text = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');
const id = (v: string | string[] | undefined) => (typeof v === 'string' && /^\d{1,12}$/.test(v) ? Number(v) : null);

const actionWords = (locale: Locale, action: string) => {
  const k = actionKey(action);
  return k ? translate(locale, k.ns, k.key as MessageKey<typeof k.ns>) : action;
};
const entityWords = (locale: Locale, entity: string) => (hasKey('audit', `entity_${entity}`) ? translate(locale, 'audit', `entity_${entity}` as MessageKey<'audit'>) : entity);

function Value({ v }: { v: Shown | null }) {
  if (v === null) return <span className="muted">—</span>;
  return v.href ? <Link href={v.href}>{v.text}</Link> : <>{v.text}</>;
}

export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  const { caller, locale } = await requireRole('province');
  const t = translator(locale, 'admin');
  const sp = await searchParams;
  const filter = { entity: text(sp.entity), action: text(sp.action), organisationId: id(sp.organisationId), from: text(sp.from), to: text(sp.to) };
  const [got, entities, places] = await Promise.all([
    load(() => caller.audit.list({ ...filter, beforeId: id(sp.beforeId) })),
    caller.audit.entities(),
    caller.accounts.places(),
  ]);
  const next = new URLSearchParams(Object.entries(filter).flatMap(([k, v]) => (v === null || v === '' ? [] : [[k, String(v)]])));
  const actions = [...new Set([...KNOWN_ACTIONS, ...(filter.action ? [filter.action] : [])])];

  return (
    <>
      <h1>{t('audit_title')}</h1>
      <p className="muted">{t('audit_intro')}</p>
      <form method="get" className="form grid card" data-testid="audit-filter">
        <label>
          {t('audit_entity')}
          <select name="entity" defaultValue={filter.entity}>
            <option value="">{t('audit_all')}</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {entityWords(locale, e)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit_action')}
          <select name="action" defaultValue={filter.action}>
            <option value="">{t('audit_all')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {actionWords(locale, a)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('audit_org')}
          <select name="organisationId" defaultValue={filter.organisationId ?? ''}>
            <option value="">{t('audit_all')}</option>
            {places.flatMap((c) =>
              c.counties.map((k) => (
                <option key={k.id} value={k.id}>
                  {c.name} · {k.name}
                </option>
              )),
            )}
          </select>
        </label>
        <label>
          {t('audit_from')}
          <input name="from" type="date" defaultValue={filter.from} />
        </label>
        <label>
          {t('audit_to')}
          <input name="to" type="date" defaultValue={filter.to} />
        </label>
        <button type="submit">{t('audit_filter')}</button>
      </form>
      {!got.ok ? (
        <PageError message={got.message} />
      ) : got.data.rows.length === 0 ? (
        <p className="card muted">{t('audit_empty')}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table data-testid="audit-log">
              <thead>
                <tr>
                  <th className="num">{t('audit_col_id')}</th>
                  <th>{t('audit_col_time')}</th>
                  <th>{t('audit_col_who')}</th>
                  <th>{t('audit_col_action')}</th>
                  <th>{t('audit_col_entity')}</th>
                  <th>{t('audit_col_change')}</th>
                </tr>
              </thead>
              <tbody>
                {got.data.rows.map((r) => {
                  const view = auditView(locale, r, got.data.names);
                  return (
                    <tr key={r.id} data-testid="audit-record" data-action={r.action}>
                      <td className="num">{r.id}</td>
                      <td>
                        <Time ms={r.at} locale={locale} />
                      </td>
                      <td>{r.userName ? `${r.userName} · ${r.organisationName ?? ''}` : t('audit_system')}</td>
                      <td>{view.action ?? <span className="muted">{r.action}</span>}</td>
                      <td>
                        {view.entity}
                        {view.object ? (
                          <>
                            {' '}
                            <Value v={view.object} />
                          </>
                        ) : null}
                      </td>
                      <td>
                        {view.changes.length === 0 ? (
                          <span className="muted">—</span>
                        ) : (
                          <dl className="audit-changes">
                            {view.changes.map((c) => (
                              <div key={c.field}>
                                <dt>{c.label}</dt>
                                <dd>
                                  {c.before !== null && c.after !== null ? (
                                    <>
                                      <Value v={c.before} /> → <Value v={c.after} />
                                    </>
                                  ) : (
                                    <Value v={c.after ?? c.before} />
                                  )}
                                </dd>
                              </div>
                            ))}
                          </dl>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p className="export-links">
            {sp.beforeId ? <Link href={`/province/audit?${next}`}>{t('audit_first')}</Link> : null}
            {got.data.nextBeforeId !== null ? (
              <Link href={`/province/audit?${new URLSearchParams([...next, ['beforeId', String(got.data.nextBeforeId)]])}`}>{t('audit_next')}</Link>
            ) : null}
          </p>
        </>
      )}
    </>
  );
}
