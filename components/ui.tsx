// Small presentational pieces shared by every page; they work in server and client components.
import { type Locale, translator } from '@/lib/i18n';
import { formatMu, formatTime, formatWanYuan, formatYuan } from '@/lib/format';

type UiKey = Parameters<ReturnType<typeof translator<'ui'>>>[0];

export function StatusBadge({ status, locale }: { status: string; locale: Locale }) {
  const t = translator(locale, 'ui');
  return (
    <span className={`badge ${status}`} data-status={status}>
      {t(`status_${status}` as UiKey)}
    </span>
  );
}

/** Where a bid stands (server/market/domain/auction.ts bidStandings): 领先, 部分领先 40.000 亩, 已被超越, …. */
export function StandingBadge({ standing, locale }: { standing: { standing: string; qtyMilliMu: number }; locale: Locale }) {
  const t = translator(locale, 'ui');
  return (
    <span className={`badge standing-${standing.standing}`} data-standing={standing.standing} title={t('standing_hint')}>
      {t(`standing_${standing.standing}` as UiKey, { qty: formatMu(standing.qtyMilliMu) })}
    </span>
  );
}

/** An area: "1,348.888 亩". */
export const Mu = ({ milliMu, locale }: { milliMu: number; locale: Locale }) => (
  <span className="num">
    {formatMu(milliMu)} {translator(locale, 'ui')('mu')}
  </span>
);

/** A price per mu: "30,000.00 元/亩". */
export const PricePerMu = ({ fen, locale }: { fen: number; locale: Locale }) => (
  <span className="num">
    {formatYuan(fen)} {translator(locale, 'ui')('yuanPerMu')}
  </span>
);

/** A sum of money in 元, with 万元 beside it when it is large. */
export function Money({ fen, locale }: { fen: number; locale: Locale }) {
  const t = translator(locale, 'ui');
  return (
    <span className="num" title={`${formatWanYuan(fen)} ${t('wanYuan')}`}>
      {formatYuan(fen)} {t('yuan')}
      {Math.abs(fen) >= 1_000_000 ? <small className="muted">{locale === 'zh' ? `（${formatWanYuan(fen)} 万元）` : ` (${formatWanYuan(fen)} ${t('wanYuan')})`}</small> : null}
    </span>
  );
}

export const Time = ({ ms, locale }: { ms: number | null | undefined; locale: Locale }) => <span className="num">{formatTime(ms, locale)}</span>;

/** A headline figure with its label, as in a row of `.stats`. */
export function Stat({ label, testId, children }: { label: string; testId?: string; children: React.ReactNode }) {
  return (
    <div className="stat">
      <div className="label">{label}</div>
      <div className="value" data-testid={testId}>
        {children}
      </div>
    </div>
  );
}
