import { defineMessages } from '@/lib/i18n/define';

// Text of the county and province pages (quota, listings, review, funds, settings, announcements).
export const adminMessages = defineMessages(
  {
    placeholder: '',
  },
  {
    placeholder: '',
  },
);
