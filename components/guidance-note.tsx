// The province's guidance next to a price (seed 001 三(三)): reference price and floor in force.
import { formatYuan } from '@/lib/format';
import { type Locale, translator } from '@/lib/i18n';

export interface GuidanceShown {
  referenceFenPerMu: number;
  floorFenPerMu: number;
  documentRef: string;
}

export function GuidanceNote({ guidance, locale }: { guidance: GuidanceShown | null; locale: Locale }) {
  const t = translator(locale, 'market');
  if (guidance === null) return null;
  return (
    <div className="muted small" data-testid="guidance-note" title={guidance.documentRef}>
      {t('guidance_line', { reference: formatYuan(guidance.referenceFenPerMu), floor: formatYuan(guidance.floorFenPerMu) })}
    </div>
  );
}
