export type UserRole = 'admin' | 'staff';

/** The user behind the access token of the request. */
export interface CurrentUserResponse {
  id: number;
  username: string;
  /** admin: every company and user management; staff: only the assigned companies. */
  role: UserRole;
}
