import { redirect } from 'next/navigation';
import { HOME_OF_ROLE, pageContext } from '@/server/page';

export default async function Home() {
  const { user } = await pageContext();
  redirect(user ? HOME_OF_ROLE[user.role] : '/announcements');
}
