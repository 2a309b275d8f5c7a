import { CanActivate, ExecutionContext, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';

import { AuthService } from './auth.service';
import { AuthenticatedUser } from './authenticated-user';
import { IS_PUBLIC_KEY } from './public.decorator';

/**
 * Requires a bearer token on every route not marked @Public, and returns 404 for a company the
 * user may not see, so that another company's ids cannot even be confirmed to exist.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly authService: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (isPublic) {
      return true;
    }

    const request = context.switchToHttp().getRequest<Request & { user?: AuthenticatedUser }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) {
      throw new UnauthorizedException('Missing bearer token; log in at POST /api/auth/login');
    }

    const user = await this.authService.authenticate(token);
    request.user = user;

    const companyId = request.params?.['companyId'];
    if (companyId !== undefined) {
      const id = Number(companyId);
      if (!Number.isSafeInteger(id) || !(await this.authService.canAccessCompany(user, id))) {
        throw new NotFoundException(`Company '${companyId}' not found`);
      }
    }

    return true;
  }
}
