import { defineMessages } from '@/lib/i18n/define';

// Text of the county's proceeds and their spending, and of the province's plan quota (issue 3).
export const proceedsMessages = defineMessages(
  {
    proceeds_title: '交易收益使用',
  },
  {
    proceeds_title: 'Use of proceeds',
  },
);
