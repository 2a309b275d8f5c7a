import { HttpException, HttpStatus, Injectable, Logger, OnModuleInit, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { LoginResponse } from '@solleciti/dto';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

import { generatePassword, ConfigurationService } from '../../services/configuration/configuration.service';
import { AppSecretEntity } from '../../services/database/app-secret.entity';
import { ClockService } from '../../services/clock/clock.service';
import { CompanyEntity } from '../companies/company.entity';
import { AuthenticatedUser } from './authenticated-user';
import { hashPassword, verifyPassword } from './password-hasher';
import { UserEntity } from './user.entity';

interface TokenPayload {
  sub: number;
  username: string;
}

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger(AuthService.name);
  private secret = '';

  constructor(
    private readonly clockService: ClockService,
    private readonly configurationService: ConfigurationService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwtService: JwtService,
  ) {}

  async onModuleInit(): Promise<void> {
    this.secret = this.configurationService.get('jwtSecret') ?? (await this.loadOrCreateSecret('jwt-secret'));
    await this.ensureInitialAdmin();
  }

  async login(username: string, password: string): Promise<LoginResponse> {
    const users = this.dataSource.getRepository(UserEntity);
    const user = await users.findOne({ where: { username } });
    const now = this.clockService.now();

    if (user?.lockedUntil && user.lockedUntil > now) {
      const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
      this.logger.warn(`Login rejected for user '${user.id}': the account is locked for ${minutes} more minute(s).`);
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
      }
      this.logger.warn(`Login failed for a user (unknown username or wrong password).`);
      throw new UnauthorizedException('Invalid username or password');
    }
    if (user.failedLogins > 0 || user.lockedUntil !== null) {
      await users.update({ id: user.id }, { failedLogins: 0, lockedUntil: null });
    }

    const expiresIn = this.configurationService.get('accessTokenTtlSeconds');
    const payload: TokenPayload = { sub: user.id, username: user.username };
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

  /** Verifies a bearer token and returns its user, or throws 401. */
  async authenticate(token: string): Promise<AuthenticatedUser> {
    let payload: TokenPayload;
    try {
      payload = await this.jwtService.verifyAsync<TokenPayload>(token, { secret: this.secret });
    } catch {
      throw new UnauthorizedException('Invalid or expired access token; log in again');
    }

    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: payload.sub } });
    if (!user) {
      throw new UnauthorizedException('Invalid or expired access token; log in again');
    }

    return { id: user.id, username: user.username, role: user.role };
  }

  /** Returns the ids of the companies a user may see. */
  async companyIdsFor(user: AuthenticatedUser): Promise<number[]> {
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

  async canAccessCompany(user: AuthenticatedUser, companyId: number): Promise<boolean> {
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
      // Printed once, on the first start only, because no one could log in otherwise.
      this.logger.warn(
        `Created the administrator '${username}' with the generated password: ${password} (set ADMIN_PASSWORD to choose it; it is shown only now).`,
      );
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
