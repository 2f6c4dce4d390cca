import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { localDate } from '@larder/domain';
import { sqlNumber } from '@larder/database';
import { ChildCounts, CellCounts, releaseCells, ReleasedCells, releasedWeeks, TagCounts } from './released-cells.calculator';
import { MIN_GROUP_DINERS } from './satisfaction.calculator';

/** The feedback of whole weeks, one diner per pseudonym and each anonymous answer a diner of its own. */
const FEEDBACK_CTE = `f AS (
  SELECT canteen_id, meal, to_char(service_date, 'IYYY-"W"IW') AS week, COALESCE(dish_id, 0) AS dish,
         COALESCE(diner_pseudonym, 'anonymous:' || canteen_id || ':' || id) COLLATE "C" AS diner, rating, tags
  FROM feedback WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4))`;

const COUNTS = `count(*)::int AS responses, count(DISTINCT diner)::int AS respondents, COALESCE(sum(rating), 0)::int AS rating_sum,
  count(*) FILTER (WHERE rating >= 4)::int AS satisfied, count(*) FILTER (WHERE rating <= 2)::int AS dissatisfied`;

/** Cells (canteen, meal, week) and their children (a dish, or 0 for no dish). */
const CELLS_SQL = `WITH ${FEEDBACK_CTE}
SELECT canteen_id, meal, week, dish, GROUPING(dish)::int AS parent, ${COUNTS}
FROM f GROUP BY GROUPING SETS ((canteen_id, meal, week), (canteen_id, meal, week, dish))`;

/** Per cell, the distinct diners of its children under the threshold ($5), taken together. */
const SMALL_CHILDREN_SQL = `WITH ${FEEDBACK_CTE},
children AS (SELECT canteen_id, meal, week, dish FROM f GROUP BY 1, 2, 3, 4 HAVING count(DISTINCT diner) < $5)
SELECT f.canteen_id, f.meal, f.week, count(DISTINCT f.diner)::int AS diners
FROM f JOIN children USING (canteen_id, meal, week, dish) GROUP BY 1, 2, 3`;

/** Per cell and tag: the tag's group and the diners of the rest of the cell. */
const TAGS_SQL = `WITH ${FEEDBACK_CTE},
pairs AS (SELECT DISTINCT canteen_id, meal, week, tag FROM f CROSS JOIN LATERAL unnest(tags) AS tag)
SELECT p.canteen_id, p.meal, p.week, p.tag,
       count(*) FILTER (WHERE f.tags @> ARRAY[p.tag])::int AS responses,
       count(DISTINCT f.diner) FILTER (WHERE f.tags @> ARRAY[p.tag])::int AS respondents,
       COALESCE(sum(f.rating) FILTER (WHERE f.tags @> ARRAY[p.tag]), 0)::int AS rating_sum,
       count(*) FILTER (WHERE f.tags @> ARRAY[p.tag] AND f.rating >= 4)::int AS satisfied,
       count(*) FILTER (WHERE f.tags @> ARRAY[p.tag] AND f.rating <= 2)::int AS dissatisfied,
       count(DISTINCT f.diner) FILTER (WHERE NOT f.tags @> ARRAY[p.tag])::int AS others
FROM pairs p JOIN f USING (canteen_id, meal, week) GROUP BY 1, 2, 3, 4`;

function cellOf(row: Record<string, unknown>): CellCounts {
  return {
    canteenId: sqlNumber(row.canteen_id), meal: String(row.meal), week: String(row.week), responses: sqlNumber(row.responses), respondents: sqlNumber(row.respondents),
    ratingSum: sqlNumber(row.rating_sum), satisfied: sqlNumber(row.satisfied), dissatisfied: sqlNumber(row.dissatisfied),
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
    const [cellRows, smallRows, tagRows] = (await Promise.all([
      this.dataSource.query(CELLS_SQL, parameters),
      this.dataSource.query(SMALL_CHILDREN_SQL, [...parameters, MIN_GROUP_DINERS]),
      this.dataSource.query(TAGS_SQL, parameters),
    ])) as Record<string, unknown>[][];
    const cells = releaseCells({
      parents: cellRows.filter((row) => sqlNumber(row.parent) === 1).map(cellOf),
      children: cellRows.filter((row) => sqlNumber(row.parent) === 0).map((row): ChildCounts => ({ ...cellOf(row), dishId: sqlNumber(row.dish) })),
      tags: tagRows.map((row): TagCounts => ({ ...cellOf(row), tag: String(row.tag), others: sqlNumber(row.others) })),
      smallChildDiners: new Map(smallRows.map((row) => [`${sqlNumber(row.canteen_id)}|${String(row.meal)}|${String(row.week)}`, sqlNumber(row.diners)])),
    });
    return { period, cells };
  }
}
