import { HttpException, HttpStatus, Injectable, Logger, OnModuleInit, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { CurrentUserResponse, LoginResponse } from '@solleciti/dto';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, LessThan } from 'typeorm';

import { generatePassword, ConfigurationService } from '../../services/configuration/configuration.service';
import { AppSecretEntity } from '../../services/database/app-secret.entity';
import { ClockService } from '../../services/clock/clock.service';
import { CompanyEntity } from '../companies/company.entity';
import { AuthenticatedUser, Principal } from './authenticated-user';
import { hashPassword, verifyPassword } from './password-hasher';
import { RevokedTokenEntity } from './revoked-token.entity';
import { UnknownUsernameThrottle } from './unknown-username-throttle';
import { UserEntity } from './user.entity';

interface TokenPayload {
  sub: number;
  username: string;
  /** The user's token version when the token was issued; a later password change invalidates it. */
  ver: number;
  jti: string;
  exp: number;
}

const INVALID_TOKEN_MESSAGE = 'Invalid, expired or revoked access token; log in again';

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger(AuthService.name);
  private secret = '';
  private unknownUsernames!: UnknownUsernameThrottle;

  constructor(
    private readonly clockService: ClockService,
    private readonly configurationService: ConfigurationService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwtService: JwtService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.unknownUsernames = new UnknownUsernameThrottle(
      this.configurationService.get('loginMaxFailures'),
      this.configurationService.get('loginLockMinutes') * 60_000,
    );
    this.secret = this.configurationService.get('jwtSecret') ?? (await this.loadOrCreateSecret('jwt-secret'));
    await this.ensureInitialAdmin();
  }

  async login(username: string, password: string): Promise<LoginResponse> {
    const users = this.dataSource.getRepository(UserEntity);
    const user = await users.findOne({ where: { username } });
    const now = this.clockService.now();

    // An unknown username locks like an account does, so that the 429 does not reveal which names exist.
    const lockedUntil = user ? user.lockedUntil : this.unknownUsernames.lockedUntil(username, now);
    if (lockedUntil && lockedUntil > now) {
      const minutes = Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000);
      if (user) {
        this.logger.warn(`Login rejected for user '${user.id}': the account is locked for ${minutes} more minute(s).`);
      } else {
        this.logger.warn(`Login rejected for an unknown username locked for ${minutes} more minute(s).`);
      }
      throw new HttpException(
        `Account locked after repeated failed logins; try again in ${minutes} minute(s)`,
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }

    // Hash even for unknown users so that response times do not reveal which usernames exist.
    const valid = user
      ? await verifyPassword(password, user.passwordHash)
      : await hashPassword(password).then(() => false);
    if (!user || !valid) {
      if (user) {
        await this.recordFailure(user, now);
      } else {
        this.unknownUsernames.recordFailure(username, now);
      }
      this.logger.warn(`Login failed for a user (unknown username or wrong password).`);
      throw new UnauthorizedException('Invalid username or password');
    }
    if (user.failedLogins > 0 || user.lockedUntil !== null) {
      await users.update({ id: user.id }, { failedLogins: 0, lockedUntil: null });
    }

    const expiresIn = this.configurationService.get('accessTokenTtlSeconds');
    const payload: Omit<TokenPayload, 'exp'> = {
      sub: user.id,
      username: user.username,
      ver: user.tokenVersion,
      jti: randomUUID(),
    };
    const accessToken = await this.jwtService.signAsync(payload, { secret: this.secret, expiresIn });
    this.logger.log(`User '${user.id}' has logged in.`);

    return { accessToken, expiresIn };
  }

  /** Counts a wrong password; the last one allowed locks the account for LOGIN_LOCK_MINUTES. */
  private async recordFailure(user: UserEntity, now: Date): Promise<void> {
    const failures = user.failedLogins + 1;
    const maxFailures = this.configurationService.get('loginMaxFailures');

    if (failures < maxFailures) {
      await this.dataSource.getRepository(UserEntity).update({ id: user.id }, { failedLogins: failures });

      return;
    }

    const lockMinutes = this.configurationService.get('loginLockMinutes');
    await this.dataSource
      .getRepository(UserEntity)
      .update({ id: user.id }, { failedLogins: 0, lockedUntil: new Date(now.getTime() + lockMinutes * 60_000) });
    this.logger.warn(`User '${user.id}' has been locked for ${lockMinutes} minutes after ${failures} failed logins.`);
  }

  /**
   * Verifies an access token and returns its user, or throws 401 when the token is invalid or
   * expired, was revoked by a logout, predates the user's last password change, or its user is gone.
   * Revocations live in the database, so every instance sharing it rejects the token at once.
   */
  async authenticate(token: string): Promise<AuthenticatedUser> {
    let payload: TokenPayload;
    try {
      payload = await this.jwtService.verifyAsync<TokenPayload>(token, { secret: this.secret });
    } catch {
      throw new UnauthorizedException(INVALID_TOKEN_MESSAGE);
    }
    if (typeof payload.jti !== 'string' || typeof payload.ver !== 'number') {
      throw new UnauthorizedException(INVALID_TOKEN_MESSAGE);
    }

    const revoked = await this.dataSource.getRepository(RevokedTokenEntity).exists({ where: { jti: payload.jti } });
    if (revoked) {
      throw new UnauthorizedException(INVALID_TOKEN_MESSAGE);
    }

    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: payload.sub } });
    if (!user || user.tokenVersion !== payload.ver) {
      throw new UnauthorizedException(INVALID_TOKEN_MESSAGE);
    }

    return {
      kind: 'user',
      id: user.id,
      username: user.username,
      role: user.role,
      tokenId: payload.jti,
      tokenExpiresAt: new Date(payload.exp * 1000),
    };
  }

  /** Revokes the token of the request and deletes the revocations of tokens that have expired since. */
  async logout(user: AuthenticatedUser): Promise<void> {
    const revokedTokens = this.dataSource.getRepository(RevokedTokenEntity);
    await revokedTokens
      .createQueryBuilder()
      .insert()
      .values({ jti: user.tokenId, expiresAt: user.tokenExpiresAt })
      .orIgnore()
      .execute();
    // jsonwebtoken checks expiry against the system clock, not ClockService, so pruning does too.
    await revokedTokens.delete({ expiresAt: LessThan(new Date()) });
    this.logger.log(`User '${user.id}' has logged out; the access token has been revoked.`);
  }

  currentUser(user: AuthenticatedUser): CurrentUserResponse {
    return { id: user.id, username: user.username, role: user.role };
  }

  /** Returns the ids of the companies a user may see. */
  async companyIdsFor(principal: Principal): Promise<number[]> {
    if (principal.kind === 'api-key') {
      return [principal.companyId];
    }
    const user = principal;
    if (user.role === 'admin') {
      const companies = await this.dataSource.getRepository(CompanyEntity).find({ select: { id: true } });

      return companies.map((company) => company.id);
    }

    const rows: Array<{ company_id: number }> = await this.dataSource.query(
      'SELECT company_id FROM user_companies WHERE user_id = ?',
      [user.id],
    );

    return rows.map((row) => Number(row.company_id));
  }

  async canAccessCompany(principal: Principal, companyId: number): Promise<boolean> {
    if (principal.kind === 'api-key') {
      return principal.companyId === companyId;
    }
    const user = principal;
    const exists = await this.dataSource.getRepository(CompanyEntity).exists({ where: { id: companyId } });
    if (!exists) {
      return false;
    }
    if (user.role === 'admin') {
      return true;
    }

    const rows: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM user_companies WHERE user_id = ? AND company_id = ?',
      [user.id, companyId],
    );

    return rows.length > 0;
  }

  private async ensureInitialAdmin(): Promise<void> {
    const users = this.dataSource.getRepository(UserEntity);
    if ((await users.count()) > 0) {
      return;
    }

    const username = this.configurationService.get('adminUsername');
    const configuredPassword = this.configurationService.get('adminPassword');
    const password = configuredPassword ?? generatePassword();
    await users.insert({ username, passwordHash: await hashPassword(password), role: 'admin' });

    if (configuredPassword === null) {
      // Printed once, on the first start only, because no one could log in otherwise. A block of
      // separate lines between rulers is easy to spot among the startup logs and to find with grep.
      const lines = [
        '==================== FIRST ADMINISTRATOR ====================',
        `Created the administrator '${username}' with a generated password.`,
        `Username: ${username}`,
        `Password: ${password}`,
        'It is shown only now. Change it in Impostazioni › Utenti, or set ADMIN_PASSWORD before the first start.',
        '=============================================================',
      ];
      for (const line of lines) {
        this.logger.warn(line);
      }
    } else {
      this.logger.log(`Created the administrator '${username}' with the password from ADMIN_PASSWORD.`);
    }
  }

  private async loadOrCreateSecret(name: string): Promise<string> {
    const secrets = this.dataSource.getRepository(AppSecretEntity);
    const existing = await secrets.findOne({ where: { name } });
    if (existing) {
      return existing.value;
    }

    // Two instances starting together may both insert; the loser reads the winner's secret.
    await secrets
      .createQueryBuilder()
      .insert()
      .values({ name, value: randomBytes(48).toString('base64url') })
      .orIgnore()
      .execute();

    return (await secrets.findOneOrFail({ where: { name } })).value;
  }
}
