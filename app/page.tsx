import { redirect } from 'next/navigation';
import { HOME_OF_ROLE, PASSWORD_PAGE, pageContext } from '@/server/web/page';

export default async function Home() {
  const { user } = await pageContext();
  redirect(user ? (user.mustChangePassword ? PASSWORD_PAGE : HOME_OF_ROLE[user.role]) : '/announcements');
}
