import { defineMessages } from '@/lib/i18n/define';

// Text of what follows a trade: trace, reclamation obligations, use of rights, use of proceeds, plan quota.
export const holdingMessages = defineMessages(
  {
    trace_title: '指标溯源',
  },
  {
    trace_title: 'Trace of quota',
  },
);
