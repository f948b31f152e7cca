import { defineMessages } from '@/lib/i18n/define';

// Text of the linking-project pages: list, review queues, plan form, detail and workflow.
export const projectMessages = defineMessages(
  {
    title: '增减挂钩项目区',
  },
  {
    title: 'Linking projects',
  },
);
