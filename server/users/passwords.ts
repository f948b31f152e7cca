// Password hashing (argon2id) under the policy of server/users/domain/passwords.ts: slow and async, so done
// before a service's transaction, never inside it.
import 'server-only';
import { hash, verify } from '@node-rs/argon2';
import { DomainError } from '@/server/kernel/errors';
import { passwordAcceptable } from '@/server/users/domain/passwords';

/** The hash of a new password, refused with its reason if the policy is not met. */
export async function newPasswordHash(password: string): Promise<string> {
  if (!passwordAcceptable(password)) throw new DomainError('weakPassword');
  return hash(password);
}

/** Whether `password` matches `passwordHash`; a malformed hash matches nothing. */
export const passwordMatches = (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false);
