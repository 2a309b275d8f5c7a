import { Injectable, Logger, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ApiKeyResponse, CreatedApiKeyResponse } from '@solleciti/dto';
import { EntityManager, FindOptionsWhere, In, Not, Repository } from 'typeorm';

import { ClockService } from '../../services/clock/clock.service';
import { AuthenticatedApiKey } from '../auth/authenticated-user';
import { ApiKeyEntity } from './api-key.entity';
import { generateApiKey, hashApiKey } from './api-key-secret';

/** last_used_at is written at most this often per key, so that busy clients do not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);

  constructor(
    @InjectRepository(ApiKeyEntity) private readonly apiKeys: Repository<ApiKeyEntity>,
    private readonly clockService: ClockService,
  ) {}

  async list(companyId: number): Promise<ApiKeyResponse[]> {
    const keys = await this.apiKeys.find({
      where: { companyId },
      relations: { createdBy: true },
      order: { createdAt: 'DESC', id: 'DESC' },
    });

    return keys.map(mapApiKey);
  }

  /**
   * Creates a key for the company and returns it whole; afterwards only its hash and prefix remain.
   *
   * NOTE: the caller's access to the company is checked by AuthGuard before this insert, without a
   * lock, so a key created while an administrator removes that company from its creator survives
   * the revocation in revokeUnreachableKeys.
   */
  async create(companyId: number, creatorId: number, name: string): Promise<CreatedApiKeyResponse> {
    const generated = generateApiKey();
    const saved = await this.apiKeys.save(
      this.apiKeys.create({
        companyId,
        createdByUserId: creatorId,
        name,
        prefix: generated.prefix,
        keyHash: generated.hash,
        lastUsedAt: null,
      }),
    );
    const stored = await this.apiKeys.findOneOrFail({
      where: { id: saved.id },
      relations: { createdBy: true },
    });
    this.logger.log(
      `API key '${saved.id}' of company '${companyId}' has been created by user '${creatorId}'.`,
    );

    return { ...mapApiKey(stored), key: generated.key };
  }

  async remove(companyId: number, id: number): Promise<void> {
    const result = await this.apiKeys.delete({ companyId, id });
    if (!result.affected) {
      throw new NotFoundException(`API key '${id}' not found`);
    }
    this.logger.log(`API key '${id}' of company '${companyId}' has been revoked.`);
  }

  /**
   * Deletes the keys that a user created for companies outside `reachableCompanyIds`, inside the
   * caller's transaction, and returns how many were deleted. Pass no ids for a user being deleted.
   */
  async revokeUnreachableKeys(
    manager: EntityManager,
    userId: number,
    reachableCompanyIds: readonly number[],
  ): Promise<number> {
    const where: FindOptionsWhere<ApiKeyEntity> = { createdByUserId: userId };
    if (reachableCompanyIds.length > 0) {
      where.companyId = Not(In([...reachableCompanyIds]));
    }
    const result = await manager.getRepository(ApiKeyEntity).delete(where);

    return result.affected ?? 0;
  }

  /** Finds the company of a key, or throws 401 for an unknown or revoked key. */
  async authenticate(key: string): Promise<AuthenticatedApiKey> {
    const apiKey = await this.apiKeys.findOne({ where: { keyHash: hashApiKey(key) } });
    if (!apiKey) {
      throw new UnauthorizedException('Invalid or revoked API key');
    }

    const now = this.clockService.now();
    if (
      !apiKey.lastUsedAt ||
      now.getTime() - apiKey.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS
    ) {
      await this.apiKeys.update({ id: apiKey.id }, { lastUsedAt: now });
    }

    return { kind: 'api-key', apiKeyId: apiKey.id, companyId: apiKey.companyId };
  }
}

function mapApiKey(apiKey: ApiKeyEntity): ApiKeyResponse {
  return {
    id: apiKey.id,
    name: apiKey.name,
    prefix: apiKey.prefix,
    createdAt: apiKey.createdAt.toISOString(),
    createdBy: apiKey.createdBy?.username ?? null,
    lastUsedAt: apiKey.lastUsedAt?.toISOString() ?? null,
  };
}
