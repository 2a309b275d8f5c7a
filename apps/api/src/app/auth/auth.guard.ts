import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Request } from 'express';

import { API_KEY_PREFIX } from '../api-keys/api-key-secret';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { ACCESS_KEY, RouteAccess } from './access.decorator';
import { AuthService } from './auth.service';
import { Principal } from './authenticated-user';
import { IS_PUBLIC_KEY } from './public.decorator';

/**
 * Requires an access token or an API key on every route not marked @Public. @AdminOnly and
 * @UserSessionOnly violations get 403. A company the caller may not access gets 404, so that
 * another company's ids cannot even be confirmed to exist.
 *
 * An API key comes as `X-API-Key: sk_…` or as `Authorization: Bearer sk_…`; any other bearer value
 * is read as an access token.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly apiKeysService: ApiKeysService,
    private readonly authService: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) {
      return true;
    }

    const request = context.switchToHttp().getRequest<Request & { user?: Principal }>();
    const principal = await this.authenticate(request);
    request.user = principal;

    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_KEY, targets);
    if (access === 'admin' && (principal.kind !== 'user' || principal.role !== 'admin')) {
      throw new ForbiddenException('Only administrators may use this route');
    }
    if (access === 'user-session' && principal.kind !== 'user') {
      throw new ForbiddenException('This route needs a logged-in user; API keys cannot use it');
    }

    const companyId = request.params?.['companyId'];
    if (companyId !== undefined) {
      const id = Number(companyId);
      if (!Number.isSafeInteger(id) || !(await this.authService.canAccessCompany(principal, id))) {
        throw new NotFoundException(`Company '${companyId}' not found`);
      }
    }

    return true;
  }

  private authenticate(request: Request): Promise<Principal> {
    const apiKeyHeader = request.headers['x-api-key'];
    if (typeof apiKeyHeader === 'string' && apiKeyHeader !== '') {
      return this.apiKeysService.authenticate(apiKeyHeader);
    }

    const [scheme, credential] = (request.headers.authorization ?? '').split(' ');
    if (scheme !== 'Bearer' || !credential) {
      throw new UnauthorizedException(
        'Missing credentials; send a bearer token from POST /api/auth/login, or an API key as X-API-Key',
      );
    }

    return credential.startsWith(API_KEY_PREFIX)
      ? this.apiKeysService.authenticate(credential)
      : this.authService.authenticate(credential);
  }
}
