// User administration and sessions (issue 5): the province creates, disables and resets users; a new
// password must meet the policy; disabling or a reset ends the user's sessions at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endSessions, sessionUser } from '@/server/data/users';
import { caught as refusal } from '@/server/testing/refusals';
import { type Harness, makeHarness } from '@/server/testing/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

const versionOf = (userId: number) => (h.db.$client.prepare('select session_version v from users where id = ?').get(userId) as { v: number }).v;

describe('users', () => {
  it('the province creates a user with an acceptable password; names are unique', async () => {
    const org = h.actor('hequ').organisationId;
    expect((await refusal(h.as('province').users.create({ username: 'hequ2', displayName: '河曲县二', organisationId: org, password: 'short1' }))).message).toBe('密码至少 8 位，须同时包含字母和数字。');
    expect((await refusal(h.as('province').users.create({ username: 'hequ2', displayName: '河曲县二', organisationId: org, password: 'onlyletters' }))).code).toBe('BAD_REQUEST');
    const u = await h.as('province').users.create({ username: 'hequ2', displayName: '河曲县二', organisationId: org, password: 'Hequ2027x' });
    expect(u).toMatchObject({ username: 'hequ2', organisationId: org, disabled: false });
    expect((await h.as('province').users.list()).some((x) => x.username === 'hequ2')).toBe(true);
    expect((await refusal(h.as('province').users.create({ username: 'hequ2', displayName: 'again', organisationId: org, password: 'Hequ2027x' }))).message).toBe('用户名已被使用。');
    // The new official acts for the county at once.
    expect((await h.as('hequ2').accounts.quota()).length).toBeGreaterThan(0);
  });

  it('a disabled user is refused at the next request; re-enabled, it works again', async () => {
    const zone = h.userId('zone');
    await h.as('province').users.setDisabled({ userId: zone, disabled: true });
    expect(sessionUser(h.db, zone)).toBeNull();
    expect((await refusal(h.as('zone').bids.mine())).code).toBe('UNAUTHORIZED');
    await h.as('province').users.setDisabled({ userId: zone, disabled: false });
    expect(sessionUser(h.db, zone)).not.toBeNull();
    // The province cannot lock itself out.
    expect((await refusal(h.as('province').users.setDisabled({ userId: h.userId('province'), disabled: true }))).message).toBe('不能停用自己的账号。');
  });

  it('a password reset or a sign-out ends the sessions issued before it', async () => {
    const zone = h.userId('zone');
    const issued = versionOf(zone);
    expect(sessionUser(h.db, zone, issued)).not.toBeNull();
    await h.as('province').users.resetPassword({ userId: zone, password: 'NewPass2026' });
    expect(sessionUser(h.db, zone, issued)).toBeNull();
    const next = versionOf(zone);
    expect(sessionUser(h.db, zone, next)).not.toBeNull();
    endSessions(h.db, zone); // what signing out does
    expect(sessionUser(h.db, zone, next)).toBeNull();
    expect((await refusal(h.as('province').users.resetPassword({ userId: zone, password: '12345678' }))).code).toBe('BAD_REQUEST');
    // The audit records that the password changed, never the password.
    const audit = h.db.$client.prepare("select after from audit_log where action = 'user.reset_password'").all() as { after: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).not.toContain('NewPass2026');
  });
});
