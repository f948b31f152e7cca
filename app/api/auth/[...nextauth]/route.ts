import { handlers } from '@/server/web/auth';

export const { GET, POST } = handlers;
