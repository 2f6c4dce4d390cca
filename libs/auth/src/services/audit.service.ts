import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog } from '@larder/database';

export interface AuditFilter {
  limit: number;
  actor?: string;
  action?: string;
  /** Days in `timeZone` (the canteens' zone), both included. */
  from?: string;
  to?: string;
  timeZone?: string;
  canteenId?: number;
}

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
    return this.search({ limit });
  }

  /**
   * Entries newest first, filtered: `action` matches itself and its sub-actions ("plan" finds
   * plan.approve and plan.override), `from`/`to` are days, `canteenId` finds entries that name
   * the canteen (a plan's, an export's).
   */
  search(filter: AuditFilter): Promise<AuditLog[]> {
    const query = this.dataSource.getRepository(AuditLog).createQueryBuilder('a').orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').take(filter.limit);
    if (filter.actor) query.andWhere('a.actor = :actor', { actor: filter.actor });
    if (filter.action) query.andWhere("(a.action = :action OR a.action LIKE :prefix ESCAPE '\\')", { action: filter.action, prefix: `${filter.action.replace(/[\\%_]/g, '\\$&')}.%` });
    if (filter.from) query.andWhere('(a.at AT TIME ZONE :zone)::date >= :from::date', { from: filter.from, zone: filter.timeZone });
    if (filter.to) query.andWhere('(a.at AT TIME ZONE :zone)::date <= :to::date', { to: filter.to, zone: filter.timeZone });
    if (filter.canteenId !== undefined) {
      query.andWhere("(a.detail->>'canteenId' = :canteen OR a.detail->'canteenIds' @> to_jsonb(:canteenNumber::int))", { canteen: String(filter.canteenId), canteenNumber: filter.canteenId });
    }
    return query.getMany();
  }
}
