import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityTarget, QueryRunner } from 'typeorm';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { LarderError } from '@larder/common';
import {
  CalendarDay,
  Canteen,
  CanteenClosure,
  Dish,
  entityCopyTarget,
  Feedback,
  Headcount,
  Ingredient,
  MealPeriod,
  MenuItem,
  ProductionLog,
  PurchaseOrder,
  PurchaseOrderLine,
  RecipeLine,
  SaleLine,
  SaleTransaction,
  Site,
  StockCount,
  SubsidyRule,
  Supplier,
  SupplierItem,
  StaffSite,
  SupplierPrice,
  TableCopier,
  query,
  WasteLog,
  withDeferredIndexes,
} from '@larder/database';
import { DemoOptions, generateDemoEnterprise } from '@larder/demo-data';
import { addDays, localDate, ProgressListener } from '@larder/domain';
import { PseudonymKeyService } from '../privacy/pseudonym-key.service';
import { Pseudonymizer } from '../privacy/pseudonymizer';
import { RollupService } from '../rollups/rollup.service';
import { DEMO_BUDGET_SQL } from './demo-budget.sql';
import { DEMO_FACT_LISTS, DemoFactList } from './demo-fact-chunks';
import { streamDemoFactChunks } from './demo-fact-source';

export interface DemoSeedState {
  status: 'idle' | 'seeding' | 'seeded' | 'skipped' | 'failed';
  progress: number;
  rows: number;
  seconds: number | null;
  error?: string;
}

export interface DemoSeedSummary {
  seeded: boolean;
  reason?: string;
  rows: Record<string, number>;
  seconds: number;
}

/** Tables the demo writes, masters first; a replace empties them in reverse. */
const DEMO_TABLES: EntityTarget<unknown>[] = [
  Site,
  Canteen,
  MealPeriod,
  Dish,
  Ingredient,
  RecipeLine,
  Supplier,
  SupplierItem,
  SupplierPrice,
  SubsidyRule,
  CalendarDay,
  CanteenClosure,
  StaffSite,
  MenuItem,
  SaleTransaction,
  SaleLine,
  ProductionLog,
  WasteLog,
  StockCount,
  Feedback,
  Headcount,
  PurchaseOrder,
  PurchaseOrderLine,
];

/** Where each list of the demo's day stream is stored. */
const FACT_ENTITIES: Record<DemoFactList, EntityTarget<unknown>> = {
  menuItems: MenuItem,
  transactions: SaleTransaction,
  saleLines: SaleLine,
  production: ProductionLog,
  waste: WasteLog,
  stockCounts: StockCount,
  feedback: Feedback,
  headcount: Headcount,
  purchaseOrders: PurchaseOrder,
  purchaseOrderLines: PurchaseOrderLine,
};

/**
 * Loads the demo enterprise in one transaction: a start that is killed half-way leaves an empty
 * database, and the next start seeds again.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);
  private current: DemoSeedState = { status: 'idle', progress: 0, rows: 0, seconds: null };
  private listener?: ProgressListener;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly pseudonyms: PseudonymKeyService,
    private readonly rollups: RollupService,
  ) {}

  state(): DemoSeedState {
    return { ...this.current };
  }

  /** What `npm start` does: seed an empty database in demo mode, and say why not otherwise. */
  /** `size` makes a smaller enterprise than the default one (tests of the first start). */
  async seedOnStart(today: Date = new Date(), size: Pick<DemoOptions, 'canteens' | 'employees' | 'days'> = {}): Promise<DemoSeedSummary> {
    const wanted = this.config.demo === 'on' || (this.config.demo === 'auto' && this.config.database.engine === 'embedded');
    if (!wanted) return this.skip('demo mode is off for this database (LARDER_DEMO)');
    if (!(await this.isEmpty())) return this.skip('the database already holds data');
    return this.seed({ ...size, seed: this.config.demoSeed, endDate: this.yesterday(today) });
  }

  async isEmpty(): Promise<boolean> {
    const [row] = await query<{ any: boolean }>(this.dataSource, 'SELECT EXISTS (SELECT 1 FROM canteen) AS any');
    return !row.any;
  }

  /** `onProgress` hears each step: masters, the days of facts, the indexes, the rollups. */
  async seed(options: Partial<DemoOptions> & { endDate: string }, mode: { replace?: boolean; onProgress?: ProgressListener } = {}): Promise<DemoSeedSummary> {
    const started = performance.now();
    if (!mode.replace && !(await this.isEmpty())) {
      throw new LarderError('CONFLICT', 'the database already holds data; seed the demo only into an empty database, or pass --replace to empty it first');
    }
    this.current = { status: 'seeding', progress: 0, rows: 0, seconds: null };
    this.listener = mode.onProgress;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      if (mode.replace) await this.emptyTables(runner);
      const rows = await this.writeEnterprise(runner, options);
      await runner.commitTransaction();
      const seconds = (performance.now() - started) / 1000;
      this.current = { status: 'seeded', progress: 1, rows: this.current.rows, seconds };
      this.logger.log(`demo enterprise seeded: ${this.current.rows} rows in ${seconds.toFixed(1)} s`);
      return { seeded: true, rows, seconds };
    } catch (error) {
      await runner.rollbackTransaction();
      this.current = { ...this.current, status: 'failed', error: (error as Error).message };
      throw error;
    } finally {
      this.listener = undefined;
      await runner.release();
    }
  }

  /** The state /health reads and the caller's listener move together. */
  private advance(step: string, done: number, total: number, fraction: number): void {
    this.current.progress = fraction;
    this.listener?.({ step, done, total, fraction });
  }

  private skip(reason: string): DemoSeedSummary {
    this.current = { status: 'skipped', progress: 1, rows: 0, seconds: 0 };
    this.logger.log(`demo seeding skipped: ${reason}`);
    return { seeded: false, reason, rows: {}, seconds: 0 };
  }

  private yesterday(today: Date): string {
    return addDays(localDate(today, this.config.timezone), -1);
  }

  private async emptyTables(runner: QueryRunner): Promise<void> {
    const tables = [...DEMO_TABLES, 'daily_dish_rollup', 'daily_meal_rollup', 'daily_cost_rollup', 'daily_channel_rollup', 'hourly_load_rollup', 'budget_line', 'purchase_order_change'].map(
      (target) => (typeof target === 'string' ? target : this.dataSource.getMetadata(target).tableName),
    );
    await runner.query(`TRUNCATE ${tables.map((table) => `"${table}"`).join(', ')}`);
  }

  private async copier<Row extends object>(runner: QueryRunner, entity: EntityTarget<unknown>): Promise<TableCopier<Row>> {
    return TableCopier.open(runner, entityCopyTarget<Row>(this.dataSource, entity));
  }

  private async writeEnterprise(runner: QueryRunner, options: Partial<DemoOptions> & { endDate: string }): Promise<Record<string, number>> {
    const started = performance.now();
    const enterprise = generateDemoEnterprise(options);
    const { masters } = enterprise;
    const counts: Record<string, number> = {};
    const masterTables: [string, EntityTarget<unknown>, object[]][] = [
      ['sites', Site, masters.sites],
      ['canteens', Canteen, masters.canteens],
      ['mealPeriods', MealPeriod, masters.mealPeriods],
      ['dishes', Dish, masters.dishes],
      ['ingredients', Ingredient, masters.ingredients],
      ['recipeLines', RecipeLine, masters.recipeLines],
      ['suppliers', Supplier, masters.suppliers],
      ['supplierItems', SupplierItem, masters.supplierItems],
      ['supplierPrices', SupplierPrice, masters.supplierPrices],
      ['subsidyRules', SubsidyRule, masters.subsidyRules],
      ['calendarDays', CalendarDay, masters.calendarDays],
      ['closures', CanteenClosure, masters.closures],
    ];
    for (const [index, [name, entity, rows]] of masterTables.entries()) {
      this.advance('master tables', index, masterTables.length, 0);
      const copier = await this.copier(runner, entity);
      await copier.addAll(rows);
      counts[name] = await copier.flush();
    }

    const roster = await this.copier(runner, StaffSite);
    await roster.addAll(enterprise.staffSites(new Pseudonymizer(await this.pseudonyms.secret())));
    counts.staffSites = await roster.flush();

    const factTables = Object.values(FACT_ENTITIES).map((entity) => this.dataSource.getMetadata(entity).tableName);
    await withDeferredIndexes(runner, factTables, () => this.writeFacts(runner, options, counts));
    // The indexes are rebuilt: only the rollups are left (minutes on a busy machine, so the progress moves on).
    this.advance('rollups', 0, 0, 0.9);
    this.logger.debug(`demo facts written and indexed after ${(performance.now() - started) / 1000} s`);
    await this.rollups.refresh({ canteenIds: masters.canteens.map((canteen) => canteen.id), from: enterprise.options.startDate, to: enterprise.options.endDate }, runner.manager);
    await runner.query(DEMO_BUDGET_SQL, [enterprise.options.startDate, enterprise.options.endDate]);
    return counts;
  }

  private async writeFacts(runner: QueryRunner, options: DemoOptions, counts: Record<string, number>): Promise<void> {
    const copiers = new Map<DemoFactList, TableCopier<object>>();
    const layout = {} as Record<DemoFactList, string[]>;
    for (const list of DEMO_FACT_LISTS) {
      copiers.set(list, await this.copier(runner, FACT_ENTITIES[list]));
      layout[list] = this.dataSource.getMetadata(FACT_ENTITIES[list]).columns.map((column) => column.propertyName);
    }
    await streamDemoFactChunks({ options, pseudonymSecret: await this.pseudonyms.secret(), layout }, async (chunk) => {
      await copiers.get(chunk.list)!.writeChunk(chunk);
      // The rollups take about a fifth of the time; leave room for them in the progress figure.
      this.advance('days of sales', chunk.daysDone, chunk.totalDays, 0.8 * (chunk.daysDone / chunk.totalDays));
      this.current.rows += chunk.rows;
    });
    for (const [list, copier] of copiers) counts[list] = await copier.flush();
    this.advance('indexes', 0, 0, 0.8);
  }
}
