// Who may call what: every user belongs to one organisation, whose kind is the user's role
// (domain.md, "Parties"), and the signed-in user as every procedure sees it.
export const ROLES = ['province', 'city', 'county', 'zone'] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in user with the organisation whose kind is the user's role. */
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  disabled: boolean;
  mustChangePassword: boolean;
  organisationId: number;
  organisationName: string;
  cityId: number | null;
  role: Role;
}
