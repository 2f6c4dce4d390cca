import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@larder/database';

/** Who did what and when: logins, imports, approvals, overrides, exports. Visible to admins. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `manager`: record inside the caller's transaction, so the entry stands or falls with the change it describes. */
  async record(entry: { actor: string; action: string; detail?: Record<string, unknown> }, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const repository = manager.getRepository(AuditLog);
    await repository.save(repository.create({ actor: entry.actor, action: entry.action, detail: entry.detail ?? {} }));
  }

  recent(limit = 100): Promise<AuditLog[]> {
    return this.dataSource.getRepository(AuditLog).find({ order: { at: 'DESC', id: 'DESC' }, take: limit });
  }
}
