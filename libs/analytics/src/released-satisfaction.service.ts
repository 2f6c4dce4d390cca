import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { localDate } from '@larder/domain';
import { query } from '@larder/database';
import { ChildCounts, CellCounts, releaseCells, ReleasedCells, releasedWeeks, TagCounts } from './released-cells.calculator';
import { MIN_GROUP_DINERS } from './satisfaction.calculator';
import { CELLS_SQL, CellOrChildRow, CellRow, CellTagRow, SMALL_CHILDREN_SQL, SmallChildrenRow, TAGS_SQL } from './released-satisfaction.queries';

function cellOf(row: CellRow): CellCounts {
  return {
    canteenId: row.canteen_id,
    meal: row.meal,
    week: row.week,
    responses: row.responses,
    respondents: row.respondents,
    ratingSum: row.rating_sum,
    satisfied: row.satisfied,
    dissatisfied: row.dissatisfied,
  };
}

export interface ReleasedSatisfactionScope {
  from: string;
  to: string;
  canteenIds: number[];
  /** One meal period only; null or absent for all. */
  meal?: string | null;
}

/** The released cells of a range and the whole, ended ISO weeks they cover (null: none has ended). */
export interface ReleasedSatisfaction {
  period: { from: string; to: string } | null;
  cells: ReleasedCells;
}

/**
 * Reads the feedback cells (canteen × meal × ended ISO week) of a range and releases them by the
 * one rule of released-cells.calculator.ts. Everything published about satisfaction for the union
 * — the dashboard's panel and the weekly and monthly reports — is summed from these cells only.
 */
@Injectable()
export class ReleasedSatisfactionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
  ) {}

  async released(scope: ReleasedSatisfactionScope, options: { today?: string } = {}): Promise<ReleasedSatisfaction> {
    const period = releasedWeeks(scope, options.today ?? localDate(new Date(), this.config.timezone));
    if (period === null) return { period, cells: { parents: [], children: [], tags: [] } };
    const parameters = [period.from, period.to, scope.canteenIds, scope.meal ?? null];
    const [cellRows, smallRows, tagRows] = await Promise.all([
      query<CellOrChildRow>(this.dataSource, CELLS_SQL, parameters),
      query<SmallChildrenRow>(this.dataSource, SMALL_CHILDREN_SQL, [...parameters, MIN_GROUP_DINERS]),
      query<CellTagRow>(this.dataSource, TAGS_SQL, parameters),
    ]);
    const cells = releaseCells({
      parents: cellRows.filter((row) => row.parent === 1).map(cellOf),
      children: cellRows.filter((row) => row.parent === 0).map((row): ChildCounts => ({ ...cellOf(row), dishId: row.dish ?? 0 })),
      tags: tagRows.map((row): TagCounts => ({ ...cellOf(row), tag: row.tag, others: row.others })),
      smallChildDiners: new Map(smallRows.map((row) => [`${row.canteen_id}|${row.meal}|${row.week}`, row.diners])),
    });
    return { period, cells };
  }
}
