import { createParamDecorator, ExecutionContext } from '@nestjs/common';

import { UserRole } from './user.entity';

export interface AuthenticatedUser {
  id: number;
  username: string;
  role: UserRole;
}

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser =>
    context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user,
);
