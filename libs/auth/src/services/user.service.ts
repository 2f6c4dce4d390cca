import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LarderError } from '@larder/common';
import { AppUser } from '@larder/database';
import { Role, ROLES } from '@larder/domain';
import { hashPassword, passwordProblem } from '../password';

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  canteenIds?: number[];
}

const USERNAME = /^[a-z][a-z0-9._-]{2,31}$/;

@Injectable()
export class UserService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(user: NewUser): Promise<AppUser> {
    if (!USERNAME.test(user.username))
      throw new LarderError('VALIDATION_FAILED', 'username must be 3-32 lower-case letters, digits, dots, dashes or underscores, starting with a letter', { field: 'username' });
    if (!ROLES.includes(user.role)) throw new LarderError('VALIDATION_FAILED', `role must be one of ${ROLES.join(', ')}`, { field: 'role' });
    const weak = await passwordProblem(user.password, user.username);
    if (weak) throw new LarderError('VALIDATION_FAILED', weak, { parameter: 'password' });
    const users = this.dataSource.getRepository(AppUser);
    if (await users.existsBy({ username: user.username })) throw new LarderError('CONFLICT', `user ${user.username} already exists`);
    const row = users.create({ id: randomUUID(), username: user.username, role: user.role, canteenIds: user.canteenIds ?? [], passwordHash: await hashPassword(user.password), active: true });
    return users.save(row);
  }

  findByUsername(username: string): Promise<AppUser | null> {
    return this.dataSource.getRepository(AppUser).findOneBy({ username });
  }

  findById(id: string): Promise<AppUser | null> {
    return this.dataSource.getRepository(AppUser).findOneBy({ id });
  }

  exists(username: string): Promise<boolean> {
    return this.dataSource.getRepository(AppUser).existsBy({ username });
  }

  hasAdmin(): Promise<boolean> {
    return this.dataSource.getRepository(AppUser).existsBy({ role: 'admin' });
  }
}
