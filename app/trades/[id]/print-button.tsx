'use client';
import { useT } from '@/lib/i18n/client';

export function PrintButton() {
  const tm = useT('market');
  return (
    <button type="button" className="no-print" onClick={() => window.print()}>
      {tm('print')}
    </button>
  );
}
