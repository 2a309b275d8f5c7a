import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';

import { CompanyEntity } from '../companies/company.entity';
import { UserEntity } from '../auth/user.entity';

/** Reads and writes users with their company assignments (the user_companies table). */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findAll(): Promise<UserEntity[]> {
    return this.dataSource
      .getRepository(UserEntity)
      .find({ relations: { companies: true }, order: { username: 'ASC', id: 'ASC' } });
  }

  findOne(
    id: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<UserEntity | null> {
    return manager
      .getRepository(UserEntity)
      .findOne({ where: { id }, relations: { companies: true } });
  }

  existsByUsername(username: string): Promise<boolean> {
    return this.dataSource.getRepository(UserEntity).exists({ where: { username } });
  }

  countAdmins(manager: EntityManager): Promise<number> {
    return manager.getRepository(UserEntity).count({ where: { role: 'admin' } });
  }

  /** Returns the ids among `ids` that are not companies. */
  async findMissingCompanyIds(ids: readonly number[]): Promise<number[]> {
    if (ids.length === 0) {
      return [];
    }

    const found = await this.dataSource
      .getRepository(CompanyEntity)
      .find({ where: { id: In([...ids]) }, select: { id: true } });
    const foundIds = new Set(found.map((company) => company.id));

    return ids.filter((id) => !foundIds.has(id));
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
