import { createParamDecorator, ExecutionContext } from '@nestjs/common';

import { UserRole } from './user.entity';

/** A user who logged in and sent the access token issued then. */
export interface AuthenticatedUser {
  kind: 'user';
  id: number;
  username: string;
  role: UserRole;
  /** The token's jti claim, which logout revokes. */
  tokenId: string;
  /** When the token expires; a revocation is kept until then. */
  tokenExpiresAt: Date;
}

/** An API key, which acts for its one company and never as an administrator. */
export interface AuthenticatedApiKey {
  kind: 'api-key';
  apiKeyId: number;
  companyId: number;
}

/** Caller of a request, set by AuthGuard on every route not marked @Public. */
export type Principal = AuthenticatedUser | AuthenticatedApiKey;

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<{ user: Principal }>().user,
);
