// The caller's ledger: a county's proceeds and quota, then its proceeds as an account statement
// (proceeds.statement: date, trade, buyer, amount, balance), with the double-entry journal behind a
// link for auditors; a zone's funds, frozen deposits and holdings of the three rights per lot, then
// its journal lines, entry by entry (accounts.ledger).
import Link from 'next/link';
import { type Locale, hasKey, translator } from '@/lib/i18n';
import { formatMu, formatYuan } from '@/lib/format';
import { requireRole } from '@/server/web/page';
import { STATEMENT_PAGE_ENTRIES } from '@/server/books/domain/ledger';
import { HoldingsTable } from '@/components/holdings-table';
import { Money, Mu, Stat, Time } from '@/components/ui';

type Caller = Awaited<ReturnType<typeof requireRole>>['caller'];
type Ledger = Awaited<ReturnType<Caller['accounts']['ledger']>>;
type Line = Ledger['lines'][number];
type StatementLine = Awaited<ReturnType<Caller['proceeds']['statement']>>['lines'][number];
type MarketKey = Parameters<ReturnType<typeof translator<'market'>>>[0];

const ASSETS = ['QUOTA', 'NEW_LAND', 'SCALE', 'FARMLAND'] as const;

export default async function LedgerPage({ searchParams }: { searchParams: Promise<{ before?: string | string[]; view?: string | string[] }> }) {
  const { caller, locale, user, t } = await requireRole('county', 'zone');
  const tm = translator(locale, 'market');
  const sp = await searchParams;
  // A cursor that is not an entry id (typed by hand) shows the newest page instead of an error.
  const before = Number(sp.before);
  const cursor = Number.isSafeInteger(before) && before > 0 ? { before } : {};
  const county = user.role === 'county';
  // A county reads its proceeds as a statement; the journal behind it is one link away.
  const journalView = !county || sp.view === 'journal';
  const [ledger, statement] = await Promise.all([caller.accounts.ledger(journalView ? cursor : {}), journalView ? null : caller.proceeds.statement(cursor)]);
  const journalHref = (q: string) => (county ? `/ledger?view=journal${q ? `&${q}` : ''}` : `/ledger${q ? `?${q}` : ''}`);
  const balance = (asset: string, bucket: string) => ledger.balances.find((b) => b.asset === asset && b.bucket === bucket)?.balance ?? 0;

  // Lot codes for the journal's lot column: a county's own lots, a zone's held lots.
  const lotCodes = new Map<number, string>();
  if (user.role === 'county') for (const lot of await caller.accounts.quota()) lotCodes.set(lot.id, lot.code);
  for (const h of ledger.holdings) if (h.lotId !== null) lotCodes.set(h.lotId, h.lotCode);

  return (
    <>
      <h1>{tm(user.role === 'county' ? 'ledger_title_county' : 'ledger_title_zone')}</h1>
      {user.role === 'county' ? (
        <div className="stats">
          <Stat label={tm('ledger_proceeds')} testId="proceeds">
            <Money fen={balance('CNY', 'proceeds')} locale={locale} />
          </Stat>
          <Stat label={tm('ledger_quotaFree')}>
            <Mu milliMu={balance('QUOTA', 'free')} locale={locale} />
          </Stat>
          <Stat label={tm('ledger_quotaListed')}>
            <Mu milliMu={balance('QUOTA', 'listed')} locale={locale} />
          </Stat>
          <Stat label={tm('ledger_quotaAwarded')}>
            <Mu milliMu={balance('QUOTA', 'awarded')} locale={locale} />
          </Stat>
          <Stat label={tm('ledger_proceedsSpent')} testId="proceeds-spent">
            <Money fen={balance('CNY', 'spent')} locale={locale} />
          </Stat>
          {balance('CNY', 'holdback') > 0 ? (
            <Stat label={tm('ledger_holdback')} testId="proceeds-holdback">
              <Money fen={balance('CNY', 'holdback')} locale={locale} />
            </Stat>
          ) : null}
          <Stat label={t('asset_PLAN_NEW_LAND')} testId="plan-new-land">
            <Mu milliMu={balance('PLAN_NEW_LAND', 'held')} locale={locale} />
          </Stat>
          <Stat label={t('asset_PLAN_LINKING')} testId="plan-linking">
            <Mu milliMu={balance('PLAN_LINKING', 'held')} locale={locale} />
          </Stat>
        </div>
      ) : (
        <>
          <div className="stats">
            <Stat label={tm('ledger_fundsFree')} testId="funds-free">
              <Money fen={balance('CNY', 'funds')} locale={locale} />
            </Stat>
            <Stat label={tm('ledger_fundsFrozen')} testId="funds-frozen">
              <Money fen={balance('CNY', 'held')} locale={locale} />
            </Stat>
            <Stat label={tm('ledger_fundsTotal')}>
              <Money fen={balance('CNY', 'funds') + balance('CNY', 'held')} locale={locale} />
            </Stat>
          </div>
          <Holdings holdings={ledger.holdings} locale={locale} />
        </>
      )}

      {statement ? (
        <>
          <h2>{tm('statement_title')}</h2>
          <p className="muted">
            {tm('statement_intro', { entries: STATEMENT_PAGE_ENTRIES })} <Link href="/ledger?view=journal">{tm('statement_journal')}</Link>
          </p>
          <Statement lines={statement.lines} locale={locale} />
          {statement.olderThan !== null || before > 0 ? (
            <nav className="row" aria-label={tm('statement_title')} data-testid="statement-pager">
              {before > 0 ? <Link href="/ledger">{tm('ledger_newest')}</Link> : null}
              {statement.olderThan !== null ? <Link href={`/ledger?before=${statement.olderThan}`}>{tm('ledger_older')}</Link> : null}
            </nav>
          ) : null}
        </>
      ) : (
        <>
          <h2>{county ? tm('statement_journal') : tm('ledger_journal')}</h2>
          <p className="muted">
            {tm('ledger_journalNote', { entries: STATEMENT_PAGE_ENTRIES })}
            {county ? (
              <>
                {' '}
                <Link href="/ledger">{tm('statement_back')}</Link> · <Link href="/county">{t('nav_countyQuota')}</Link>
              </>
            ) : null}
          </p>
          <Journal lines={ledger.lines} lotCodes={lotCodes} locale={locale} />
          {ledger.olderThan !== null || before > 0 ? (
            <nav className="row" aria-label={tm('ledger_journal')} data-testid="journal-pager">
              {before > 0 ? <Link href={journalHref('')}>{tm('ledger_newest')}</Link> : null}
              {ledger.olderThan !== null ? <Link href={journalHref(`before=${ledger.olderThan}`)}>{tm('ledger_older')}</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}

/** The county's proceeds account line by line: a settlement is one line of its whole amount. */
function Statement({ lines, locale }: { lines: StatementLine[]; locale: Locale }) {
  const tm = translator(locale, 'market');
  if (lines.length === 0) return <p className="card muted">{tm('statement_empty')}</p>;
  const summary = (l: StatementLine) => {
    const key = `statement_${l.reason}`;
    const text = hasKey('market', key) ? tm(key as MarketKey) : hasKey('market', `reason_${l.reason}`) ? tm(`reason_${l.reason}` as MarketKey) : l.reason;
    return l.purpose ? `${text}：${l.purpose}` : text;
  };
  return (
    <div className="table-scroll">
      <table data-testid="proceeds-statement">
        <thead>
          <tr>
            <th>{tm('statement_col_date')}</th>
            <th>{tm('statement_col_summary')}</th>
            <th>{tm('statement_col_trade')}</th>
            <th>{tm('col_buyer')}</th>
            <th className="num">{tm('statement_col_amount')}</th>
            <th className="num">{tm('statement_col_balance')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.entryId} data-testid="statement-line">
              <td>
                <Time ms={l.at} locale={locale} />
              </td>
              <td>{summary(l)}</td>
              <td>{l.tradeId !== null ? <Link href={`/trades/${l.tradeId}`}>{l.confirmationNo}</Link> : '—'}</td>
              <td>{l.buyerName ?? '—'}</td>
              <td className={`num ${l.amountFen < 0 ? 'debit' : 'credit'}`}>
                {l.amountFen > 0 ? '+' : ''}
                {formatYuan(l.amountFen)}
              </td>
              <td className="num">{formatYuan(l.balanceFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Holdings({ holdings, locale }: { holdings: Ledger['holdings']; locale: Locale }) {
  const tm = translator(locale, 'market');
  return (
    <>
      <h2>{tm('ledger_holdings')}</h2>
      {holdings.every((h) => h.lotId === null) ? <p className="card muted">{tm('ledger_holdingsEmpty')}</p> : <HoldingsTable holdings={holdings} assets={ASSETS} locale={locale} testId="holdings" />}
    </>
  );
}

function Journal({ lines, lotCodes, locale }: { lines: Line[]; lotCodes: Map<number, string>; locale: Locale }) {
  const t = translator(locale, 'ui');
  const tm = translator(locale, 'market');
  if (lines.length === 0) return <p className="card muted">{tm('ledger_journalEmpty')}</p>;

  // Consecutive postings of one entry share its time, reason and reference cells.
  const entries: Line[][] = [];
  for (const line of lines) {
    const last = entries[entries.length - 1];
    if (last && last[0]!.entryId === line.entryId) last.push(line);
    else entries.push([line]);
  }
  const reason = (r: string) => (hasKey('market', `reason_${r}`) ? tm(`reason_${r}` as MarketKey) : r);
  const account = (l: Line) =>
    l.asset === 'CNY' && hasKey('market', `account_CNY_${l.bucket}`)
      ? tm(`account_CNY_${l.bucket}` as MarketKey)
      : `${t(`asset_${l.asset}`)} · ${hasKey('market', `account_${l.bucket}`) ? tm(`account_${l.bucket}` as MarketKey) : l.bucket}`;
  const change = (l: Line) => {
    const sign = l.amount > 0 ? '+' : '';
    return l.asset === 'CNY' ? `${sign}${formatYuan(l.amount)} ${t('yuan')}` : `${sign}${formatMu(l.amount)} ${t('mu')}`;
  };

  return (
    <div className="table-scroll">
      <table data-testid="journal">
        <thead>
          <tr>
            <th>{tm('col_time')}</th>
            <th>{tm('col_reason')}</th>
            <th>{tm('col_account')}</th>
            <th>{tm('col_lot')}</th>
            <th className="num">{tm('col_change')}</th>
            <th>{tm('col_memo')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.flatMap((entry) =>
            entry.map((l, i) => (
              <tr key={`${l.entryId}:${i}`} className={i === 0 ? 'entry-first' : undefined}>
                {i === 0 ? (
                  <>
                    <td rowSpan={entry.length}>
                      <Time ms={l.at} locale={locale} />
                    </td>
                    <td rowSpan={entry.length}>{reason(l.reason)}</td>
                  </>
                ) : null}
                <td>{account(l)}</td>
                <td>{l.lotId !== null ? (lotCodes.get(l.lotId) ?? `#${l.lotId}`) : '—'}</td>
                <td className={`num ${l.amount < 0 ? 'debit' : 'credit'}`}>{change(l)}</td>
                {i === 0 ? (
                  <td rowSpan={entry.length}>
                    {l.tradeId !== null ? <Link href={`/trades/${l.tradeId}`}>{tm('view_confirmation')}</Link> : null}
                    {l.tradeId === null && l.listingId !== null ? <Link href={`/listings/${l.listingId}`}>{tm('open_listing')}</Link> : null}
                    {l.memo ? <span className="muted"> {l.memo}</span> : null}
                  </td>
                ) : null}
              </tr>
            )),
          )}
        </tbody>
      </table>
    </div>
  );
}
