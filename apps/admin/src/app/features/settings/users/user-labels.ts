import type { UserRole } from '@solleciti/dto';

/** Italian names of the roles, as the users page and the user form show them. */
export const ROLE_LABELS: Record<UserRole, string> = {
  admin: $localize`:Role that sees every company and manages users@@users.role.admin:Amministratore`,
  staff: $localize`:Role that sees only the assigned companies@@users.role.staff:Operatore`,
};
