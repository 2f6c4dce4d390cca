import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@larder/auth';
import { LarderError } from '@larder/common';
import { query } from '@larder/database';
import { RollupService } from '../../rollups/rollup.service';
import { RollbackSummary } from '../dtos/import-summary.dto';
import { bilingual } from '../messages';
import {
  BATCH_MEALS_SQL,
  batchDaysSql,
  BatchDaysRow,
  BatchMealRow,
  BatchRow,
  CountRow,
  DELETE_BATCH_LINES_SQL,
  DELETE_BATCH_TRANSACTIONS_SQL,
  deleteBatchFactsSql,
  LOCK_BATCH_SQL,
  MARK_ROLLED_BACK_SQL,
} from './import-rollback.queries';
import { ImportLock, lockImportsInTransaction } from './import-lock';
import { ImportService } from './import.service';

/** Fact tables that carry batch_id, by the kind that fills them; their day column feeds the rollup refresh. */
const BATCHED: Record<string, { table: string; day: string }> = {
  menus: { table: 'menu_item', day: 'service_date' },
  production: { table: 'production_log', day: 'service_date' },
  waste: { table: 'waste_log', day: 'service_date' },
  stock_counts: { table: 'stock_count', day: 'counted_on' },
  feedback: { table: 'feedback', day: 'service_date' },
};

/** Removes exactly one committed batch's rows, refreshes the rollups of its days, and marks it rolled back. */
@Injectable()
export class ImportRollbackService {
  private readonly logger = new Logger(ImportRollbackService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly rollups: RollupService,
    private readonly audit: AuditService,
  ) {}

  async rollback(batchId: string, by: string): Promise<RollbackSummary> {
    if (!/^[0-9a-f-]{36}$/i.test(batchId)) throw new LarderError('VALIDATION_FAILED', bilingual(`“${batchId}”不是批次编号`, `"${batchId}" is not a batch id`));
    const lock: ImportLock = ImportService.lock;
    return lock.run(() =>
      this.dataSource.transaction(async (manager) => {
        await lockImportsInTransaction(manager);
        const [batch] = await query<BatchRow>(manager, LOCK_BATCH_SQL, [batchId]);
        if (!batch) throw new LarderError('NOT_FOUND', bilingual(`没有批次 ${batchId}`, `no batch ${batchId}`));
        if (batch.status !== 'committed')
          throw new LarderError(
            'CONFLICT',
            bilingual(`批次 ${batchId} 的状态是 ${batch.status}，只能撤销已提交的批次`, `batch ${batchId} is ${batch.status}; only committed batches can be rolled back`),
          );
        const removed = batch.kind === 'transactions' ? await this.removeTransactions(manager, batchId) : await this.removeFacts(manager, batchId, batch.kind);
        await manager.query(MARK_ROLLED_BACK_SQL, [batchId, `rolled back by ${by} at ${new Date().toISOString()}`]);
        await this.audit.record({ actor: by, action: 'import.rollback', detail: { batchId, kind: batch.kind, source: batch.file_name, removed } }, manager);
        this.logger.log(`batch ${batchId} rolled back by ${by}: ${JSON.stringify(removed)}`);
        return { batchId, kind: batch.kind, removed };
      }),
    );
  }

  private async removeTransactions(manager: EntityManager, batchId: string): Promise<Record<string, number>> {
    const meals = await query<BatchMealRow>(manager, BATCH_MEALS_SQL, [batchId]);
    const [lines] = await query<CountRow>(manager, DELETE_BATCH_LINES_SQL, [batchId]);
    const [transactions] = await query<CountRow>(manager, DELETE_BATCH_TRANSACTIONS_SQL, [batchId]);
    await this.rollups.refreshMeals(
      meals.map((row) => row.meal),
      manager,
    );
    return { sale_transaction: transactions.n, sale_line: lines.n };
  }

  private async removeFacts(manager: EntityManager, batchId: string, kind: string): Promise<Record<string, number>> {
    const target = BATCHED[kind];
    if (!target) {
      throw new LarderError(
        'CONFLICT',
        bilingual(
          `${kind} 的数据表没有批次编号（主数据在导入时直接更新），无法按批次撤销；请导入更正后的文件`,
          `${kind} rows carry no batch id (master data are updated in place), so this batch cannot be rolled back; import a corrected file instead`,
        ),
      );
    }
    const days = await query<BatchDaysRow>(manager, batchDaysSql(target), [batchId]);
    const [removed] = await query<CountRow>(manager, deleteBatchFactsSql(target.table), [batchId]);
    for (const day of days) await this.rollups.refreshKind(kind, { canteenIds: [day.canteen_id], from: day.first, to: day.last }, manager);
    return { [target.table]: removed.n };
  }
}
