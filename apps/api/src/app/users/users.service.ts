import {
  BadRequestException,
  ConflictException,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import { CreateUserDto, UpdateUserDto, UserResponse } from '@solleciti/dto';
import { EntityManager } from 'typeorm';

import { ClockService } from '../../services/clock/clock.service';
import { isUniqueViolation } from '../../services/database/unique-violation';
import { ApiKeysService } from '../api-keys/api-keys.service';
import { AuthenticatedUser } from '../auth/authenticated-user';
import { hashPassword } from '../auth/password-hasher';
import { UserEntity } from '../auth/user.entity';
import { CompanyEntity } from '../companies/company.entity';
import { UsersRepository } from './users.repository';

/**
 * User management for administrators. There is always at least one administrator, and nobody
 * can delete themselves or change their own role, so an administrator cannot lock everyone out.
 * A user who is deleted or loses access to a company loses the API keys they created for it.
 */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly apiKeysService: ApiKeysService,
    private readonly clockService: ClockService,
    private readonly usersRepository: UsersRepository,
  ) {}

  async list(): Promise<UserResponse[]> {
    return (await this.usersRepository.findAll()).map((user) => this.mapUser(user));
  }

  async create(dto: CreateUserDto): Promise<UserResponse> {
    if (await this.usersRepository.existsByUsername(dto.username)) {
      throw new ConflictException(`A user named '${dto.username}' already exists`);
    }
    const companies = await this.companiesFor(dto.role, dto.companyIds ?? []);
    const passwordHash = await hashPassword(dto.password);

    let id: number;
    try {
      id = await this.usersRepository.transaction(async (manager) => {
        const saved = await manager
          .getRepository(UserEntity)
          .save(
            manager
              .getRepository(UserEntity)
              .create({ username: dto.username, passwordHash, role: dto.role, companies }),
          );

        return saved.id;
      });
    } catch (error) {
      // Another request created the same username between the check and the insert.
      if (isUniqueViolation(error)) {
        throw new ConflictException(`A user named '${dto.username}' already exists`);
      }
      throw error;
    }
    this.logger.log(`User '${id}' has been created with the role '${dto.role}'.`);

    return this.mapUser(await this.findOrFail(id));
  }

  /**
   * Changes the role, the assigned companies or the password. A new password also clears a login
   * lock and increments the token version, which ends every session of the user.
   */
  async update(actor: AuthenticatedUser, id: number, dto: UpdateUserDto): Promise<UserResponse> {
    const passwordHash = dto.password !== undefined ? await hashPassword(dto.password) : undefined;

    const revokedKeys = await this.usersRepository.transaction(async (manager) => {
      const user = await this.findOrFail(id, manager);
      const role = dto.role ?? user.role;

      if (role !== user.role) {
        if (user.id === actor.id) {
          throw new ConflictException('You cannot change your own role; ask another administrator');
        }
        await this.assertAnotherAdminRemains(user, manager);
      }

      user.role = role;
      if (dto.companyIds !== undefined || role === 'admin') {
        user.companies = await this.companiesFor(
          role,
          dto.companyIds ?? user.companies.map((company) => company.id),
        );
      }
      if (passwordHash !== undefined) {
        user.passwordHash = passwordHash;
        user.tokenVersion += 1;
        user.failedLogins = 0;
        user.lockedUntil = null;
      }
      await manager.getRepository(UserEntity).save(user);

      // An administrator reaches every company, so only staff can have keys left unreachable.
      return role === 'admin'
        ? 0
        : this.apiKeysService.revokeUnreachableKeys(
            manager,
            id,
            user.companies.map((company) => company.id),
          );
    });

    const changes = [
      dto.role && 'role',
      dto.companyIds && 'companies',
      dto.password && 'password',
    ].filter(Boolean);
    this.logger.log(`User '${id}' has been updated (${changes.join(', ') || 'no changes'}).`);
    if (revokedKeys > 0) {
      this.logger.log(
        `${revokedKeys} API key(s) created by user '${id}' for companies they can no longer access have been revoked.`,
      );
    }

    return this.mapUser(await this.findOrFail(id));
  }

  /** Deletes a user with every API key they created, whatever their role. */
  async remove(actor: AuthenticatedUser, id: number): Promise<void> {
    const revokedKeys = await this.usersRepository.transaction(async (manager) => {
      const user = await this.findOrFail(id, manager);
      if (user.id === actor.id) {
        throw new ConflictException('You cannot delete your own user; ask another administrator');
      }
      await this.assertAnotherAdminRemains(user, manager);
      // The foreign key would delete the keys with the user too; deleting them first counts them.
      const revoked = await this.apiKeysService.revokeUnreachableKeys(manager, id, []);
      await manager.getRepository(UserEntity).delete({ id });

      return revoked;
    });
    this.logger.log(
      `User '${id}' has been deleted and ${revokedKeys} API key(s) they created have been revoked.`,
    );
  }

  /**
   * Rejects removing the admin role from the last administrator.
   *
   * NOTE: the count and the change share a transaction but take no lock, so two requests that
   * demote or delete two different administrators at the same moment could both pass.
   */
  private async assertAnotherAdminRemains(user: UserEntity, manager: EntityManager): Promise<void> {
    if (user.role === 'admin' && (await this.usersRepository.countAdmins(manager)) <= 1) {
      throw new ConflictException(
        `User '${user.id}' is the last administrator; make another user an administrator first`,
      );
    }
  }

  /** Returns the companies to assign: none for an admin, who has access to all, and otherwise every id, which must exist. */
  private async companiesFor(
    role: UserEntity['role'],
    companyIds: readonly number[],
  ): Promise<CompanyEntity[]> {
    if (role === 'admin') {
      return [];
    }

    const missing = await this.usersRepository.findMissingCompanyIds(companyIds);
    if (missing.length > 0) {
      throw new BadRequestException(`companyIds contains unknown companies: ${missing.join(', ')}`);
    }

    return companyIds.map((companyId) => ({ id: companyId }) as CompanyEntity);
  }

  private async findOrFail(id: number, manager?: EntityManager): Promise<UserEntity> {
    const user = await this.usersRepository.findOne(id, manager);
    if (!user) {
      throw new NotFoundException(`User '${id}' not found`);
    }

    return user;
  }

  private mapUser(user: UserEntity): UserResponse {
    // locked_until stays set after the lock has passed until the next successful login.
    const locked = user.lockedUntil !== null && user.lockedUntil > this.clockService.now();

    return {
      id: user.id,
      username: user.username,
      role: user.role,
      companyIds: user.companies.map((company) => company.id).sort((a, b) => a - b),
      lockedUntil: locked ? (user.lockedUntil?.toISOString() ?? null) : null,
      createdAt: user.createdAt.toISOString(),
    };
  }
}
