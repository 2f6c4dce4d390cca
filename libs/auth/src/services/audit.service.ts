import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog } from '@larder/database';

/** Who did what and when: logins, imports, approvals, overrides, exports. Visible to admins. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(entry: { actor: string; action: string; detail?: Record<string, unknown> }): Promise<void> {
    const row = this.dataSource.getRepository(AuditLog).create({ actor: entry.actor, action: entry.action, detail: entry.detail ?? {} });
    await this.dataSource.getRepository(AuditLog).save(row);
  }

  recent(limit = 100): Promise<AuditLog[]> {
    return this.dataSource.getRepository(AuditLog).find({ order: { at: 'DESC', id: 'DESC' }, take: limit });
  }
}
