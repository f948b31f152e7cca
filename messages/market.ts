import { defineMessages } from '@/lib/i18n/define';

// Text of the zone-facing and shared trading pages (market, listing, bids, trades, ledger).
export const marketMessages = defineMessages(
  {
    placeholder: '',
  },
  {
    placeholder: '',
  },
);
