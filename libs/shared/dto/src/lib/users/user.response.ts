import type { UserRole } from '../auth/current-user.response';

export interface UserResponse {
  id: number;
  username: string;
  role: UserRole;
  /** Companies assigned to a staff user; always empty for an admin, who sees every company. */
  companyIds: number[];
  /** ISO 8601 instant until which the account is locked after repeated failed logins, or null. */
  lockedUntil: string | null;
  createdAt: string;
}
