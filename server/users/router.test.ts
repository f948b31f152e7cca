// User administration and sessions: the province creates, disables and resets users; a new password
// must meet the policy; a password an administrator chose must be replaced before anything else;
// disabling, a reset or a change ends the user's sessions at once.
import { verify } from '@node-rs/argon2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionUser } from './queries';
import { signOutEverywhere } from './users';
import { caught as refusal, dumpTables, refused } from '@/server/testing/refusals';
import { type Harness, makeHarness } from '@/server/testing/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const versionOf = async (userId: number) => ((await h.db.connection.prepare('select session_version v from users where id = ?').get(userId)) as { v: number }).v;

describe('users', () => {
  it('the province creates a user with an acceptable password; names are unique', async () => {
    const org = (await h.actor('hequ')).organisationId;
    expect((await refusal(h.as('province').users.create({ username: 'hequ2', displayName: '河曲县二', organisationId: org, password: 'short1' }))).message).toBe('密码至少 8 位，须同时包含字母和数字。');
    expect((await refusal(h.as('province').users.create({ username: 'hequ2', displayName: '河曲县二', organisationId: org, password: 'onlyletters' }))).code).toBe('BAD_REQUEST');
    const u = await h.as('province').users.create({ username: 'hequ2', displayName: '河曲县二', organisationId: org, password: 'Hequ2027x' });
    expect(u).toMatchObject({ username: 'hequ2', organisationId: org, disabled: false });
    expect((await h.as('province').users.list()).some((x) => x.username === 'hequ2')).toBe(true);
    expect((await refusal(h.as('province').users.create({ username: 'hequ2', displayName: 'again', organisationId: org, password: 'Hequ2027x' }))).message).toBe('用户名已被使用。');
    // The new official must first replace the password the province chose; then acts for the county.
    expect(u.mustChangePassword).toBe(true);
    await refused(h.db, async () => h.as('hequ2').accounts.quota(), 'FORBIDDEN', '请先修改密码：管理员设置的密码须在首次登录时更换。');
    await refused(h.db, async () => h.as('hequ2', 'en').listings.withdraw({ id: 1 }), 'FORBIDDEN', /^Change your password first/);
    await h.as('hequ2').me.changePassword({ currentPassword: 'Hequ2027x', newPassword: 'MyOwn2027pass' });
    expect((await h.as('hequ2').accounts.quota()).length).toBeGreaterThan(0);
  });

  it('a user changes their own password: the current one is checked, the policy holds, every session ends', async () => {
    const zone = await h.userId('zone');
    const issued = await versionOf(zone);
    const me = async () => h.as('zone').me;
    await refused(h.db, async () => (await me()).changePassword({ currentPassword: 'wrong-one1', newPassword: 'Better2027x' }), 'BAD_REQUEST', '当前密码不正确。');
    await refused(h.db, async () => (await me()).changePassword({ currentPassword: 'Demo@2026', newPassword: 'short1' }), 'BAD_REQUEST', '密码至少 8 位，须同时包含字母和数字。');
    await refused(h.db, async () => (await me()).changePassword({ currentPassword: 'Demo@2026', newPassword: 'Demo@2026' }), 'BAD_REQUEST', '新密码不能与当前密码相同。');
    await refused(h.db, async () => (await me()).changePassword({ currentPassword: '', newPassword: 'Better2027x' }), 'BAD_REQUEST');
    await refused(h.db, async () => h.as(null).me.changePassword({ currentPassword: 'Demo@2026', newPassword: 'Better2027x' }), 'UNAUTHORIZED');
    await (await me()).changePassword({ currentPassword: 'Demo@2026', newPassword: 'Better2027x' });
    const row = (await h.db.connection.prepare('select password_hash h, must_change_password m, password_changed_at c from users where id = ?').get(zone)) as { h: string; m: number; c: number };
    expect(await verify(row.h, 'Better2027x')).toBe(true);
    expect(row).toMatchObject({ m: 0, c: h.clock.now() });
    expect(await sessionUser(h.db, zone, issued)).toBeNull();
    const audit = (await h.db.connection.prepare("select action, after from audit_log where entity = 'user' and entity_id = ? order by id desc limit 1").get(zone)) as { action: string; after: string };
    expect(audit.action).toBe('user.change_password');
    expect(audit.after).not.toContain('Better2027x');
  });

  it('a reset by the province makes the user choose a new password at the next sign-in', async () => {
    const zone = await h.userId('zone');
    await h.as('province').users.resetPassword({ userId: zone, password: 'Reset2026x' });
    const before = await dumpTables(h.db);
    await refused(h.db, async () => h.as('zone').bids.place({ listingId: 1, price: '30000', qty: '100' }), 'FORBIDDEN', /请先修改密码/);
    expect(await dumpTables(h.db)).toEqual(before);
    expect((await h.as('zone').me.get())?.mustChangePassword).toBe(true);
    await h.as('zone').me.changePassword({ currentPassword: 'Reset2026x', newPassword: 'Mine2026xx' });
    expect((await h.as('zone').me.get())?.mustChangePassword).toBe(false);
  });

  it('a disabled user is refused at the next request; re-enabled, it works again', async () => {
    const zone = await h.userId('zone');
    await h.as('province').users.setDisabled({ userId: zone, disabled: true });
    expect(await sessionUser(h.db, zone)).toBeNull();
    expect((await refusal(h.as('zone').bids.mine())).code).toBe('UNAUTHORIZED');
    await h.as('province').users.setDisabled({ userId: zone, disabled: false });
    expect(await sessionUser(h.db, zone)).not.toBeNull();
    // The province cannot lock itself out.
    expect((await refusal(h.as('province').users.setDisabled({ userId: await h.userId('province'), disabled: true }))).message).toBe('不能停用自己的账号。');
  });

  it('a password reset or a sign-out ends the sessions issued before it', async () => {
    const zone = await h.userId('zone');
    const issued = await versionOf(zone);
    expect(await sessionUser(h.db, zone, issued)).not.toBeNull();
    await h.as('province').users.resetPassword({ userId: zone, password: 'NewPass2026' });
    expect(await sessionUser(h.db, zone, issued)).toBeNull();
    const next = await versionOf(zone);
    expect(await sessionUser(h.db, zone, next)).not.toBeNull();
    await signOutEverywhere(h.services, (await h.actor('zone'))); // what signing out does
    expect(await sessionUser(h.db, zone, next)).toBeNull();
    expect((await refusal(h.as('province').users.resetPassword({ userId: zone, password: '12345678' }))).code).toBe('BAD_REQUEST');
    // The audit records that the password changed, never the password.
    const audit = (await h.db.connection.prepare("select after from audit_log where action = 'user.reset_password'").all()) as { after: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).not.toContain('NewPass2026');
  });
});
