import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LARDER_CONFIG, LarderConfig } from '@larder/config';
import { localDate } from '@larder/domain';
import { ParticipationService } from '../participation.service';
import { addCounts, CellCounts, ChildCounts, releaseCells, releasedWeeks, TagCounts } from '../released-cells.calculator';
import { emptyRatingCounts, MIN_GROUP_DINERS, publishRatings, RatingGroupCounts } from '../satisfaction.calculator';
import type { SatisfactionPanel } from './dashboard.contract';
import { ratio } from './dashboard.calculator';
import type { DashboardScope } from './dashboard-scope.service';

/** Tags that say the price is unfair. */
export const PRICE_COMPLAINT_TAGS = ['价格贵'];

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

const PAID_SQL = `
SELECT to_char(service_date, 'IYYY-"W"IW') AS week, sum(paid_fen)::bigint AS paid, sum(covers)::bigint AS covers
FROM daily_meal_rollup WHERE service_date BETWEEN $1::date AND $2::date AND canteen_id = ANY($3::int[]) AND ($4::text IS NULL OR meal = $4) GROUP BY 1`;

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

function cellOf(row: Record<string, unknown>): CellCounts {
  return {
    canteenId: num(row.canteen_id), meal: String(row.meal), week: String(row.week), responses: num(row.responses), respondents: num(row.respondents),
    ratingSum: num(row.rating_sum), satisfied: num(row.satisfied), dissatisfied: num(row.dissatisfied),
  };
}

function sumBy<T extends RatingGroupCounts>(cells: T[], key: (cell: T) => string): Map<string, RatingGroupCounts> {
  const sums = new Map<string, RatingGroupCounts>();
  for (const cell of cells) {
    const name = key(cell);
    sums.set(name, addCounts(sums.get(name) ?? emptyRatingCounts(), cell));
  }
  return sums;
}

/**
 * The satisfaction page, for the union above all: every rating, tag and participation figure is a
 * sum over released cells of whole, ended ISO weeks (released-cells.calculator.ts), never over
 * the range as asked, so no two answers differ by a group under five diners.
 */
@Injectable()
export class DashboardSatisfactionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(LARDER_CONFIG) private readonly config: LarderConfig,
    private readonly participation: ParticipationService,
  ) {}

  /** `money: false` (the union) leaves out the price paid per cover: the union reads no money figures. */
  async panel(scope: DashboardScope, options: { money: boolean; today?: string } = { money: true }): Promise<SatisfactionPanel> {
    const weeks = releasedWeeks(scope, options.today ?? localDate(new Date(), this.config.timezone));
    const empty = { filters: scope.filters, minGroupDiners: MIN_GROUP_DINERS, period: null, total: { average: null, responses: null, satisfiedShare: null, suppressed: true }, canteens: scope.canteenIds.map((canteenId) => ({ canteenId, average: null, responses: null, suppressed: true })), dishes: [], tags: [], participation: [], priceFairness: [], trend: [] };
    if (weeks === null) return empty;
    const parameters = [weeks.from, weeks.to, scope.canteenIds, scope.meal];
    const [cellRows, smallRows, tagRows, paidRows, participation] = await Promise.all([
      this.dataSource.query(CELLS_SQL, parameters) as Promise<Record<string, unknown>[]>,
      this.dataSource.query(SMALL_CHILDREN_SQL, [...parameters, MIN_GROUP_DINERS]) as Promise<Record<string, unknown>[]>,
      this.dataSource.query(TAGS_SQL, parameters) as Promise<Record<string, unknown>[]>,
      options.money ? (this.dataSource.query(PAID_SQL, parameters) as Promise<Record<string, unknown>[]>) : Promise.resolve([]),
      this.participation.weekly({ ...scope, from: weeks.from, to: weeks.to, minDiners: MIN_GROUP_DINERS }),
    ]);
    const released = releaseCells({
      parents: cellRows.filter((row) => num(row.parent) === 1).map(cellOf),
      children: cellRows.filter((row) => num(row.parent) === 0).map((row): ChildCounts => ({ ...cellOf(row), dishId: num(row.dish) })),
      tags: tagRows.map((row): TagCounts => ({ ...cellOf(row), tag: String(row.tag), others: num(row.others) })),
      smallChildDiners: new Map(smallRows.map((row) => [`${num(row.canteen_id)}|${String(row.meal)}|${String(row.week)}`, num(row.diners)])),
    });
    const total = released.parents.reduce((sum, cell) => addCounts(sum, cell), emptyRatingCounts());
    const byCanteen = sumBy(released.parents, (cell) => String(cell.canteenId));
    const byWeek = sumBy(released.parents, (cell) => cell.week);
    const byDish = sumBy(released.children.filter((child) => child.dishId !== 0), (child) => `${child.canteenId}|${child.dishId}`);
    const byTag = sumBy(released.tags, (tag) => tag.tag);
    const priceByWeek = sumBy(released.tags.filter((tag) => PRICE_COMPLAINT_TAGS.includes(tag.tag)), (tag) => tag.week);
    const published = (counts: RatingGroupCounts | undefined) => publishRatings(counts ?? emptyRatingCounts(), { suppress: false });
    const totalFigures = published(total);
    const paid = new Map(paidRows.map((row) => [String(row.week), ratio(num(row.paid), num(row.covers))]));
    const weekLabels = [...new Set([...byWeek.keys(), ...paid.keys(), ...participation.map((row) => row.week)])].sort();
    return {
      filters: scope.filters,
      minGroupDiners: MIN_GROUP_DINERS,
      period: weeks,
      total: { average: totalFigures.averageRating, responses: totalFigures.responses, satisfiedShare: totalFigures.satisfiedShare, suppressed: totalFigures.suppressed },
      canteens: scope.canteenIds.map((canteenId) => {
        const figures = published(byCanteen.get(String(canteenId)));
        return { canteenId, average: figures.averageRating, responses: figures.responses, suppressed: figures.suppressed };
      }),
      dishes: [...byDish.entries()].map(([key, counts]) => {
        const [canteenId, dishId] = key.split('|').map(Number);
        const figures = published(counts);
        return { canteenId, dishId, average: figures.averageRating, responses: figures.responses, suppressed: figures.suppressed };
      }).sort((a, b) => a.canteenId - b.canteenId || a.dishId - b.dishId),
      tags: [...byTag.entries()].map(([tag, counts]) => ({
        tag, mentions: counts.responses, shareOfResponses: total.responses > 0 ? counts.responses / total.responses : null,
        lowRatingShare: counts.dissatisfied / counts.responses, suppressed: false,
      })).sort((a, b) => b.mentions - a.mentions || (a.tag < b.tag ? -1 : 1)),
      participation: participation.filter((row) => row.canteenId === null).map((row) => ({ week: row.week, rate: ratio(row.dinerDays, row.staffOnDutyDays) })),
      priceFairness: weekLabels.map((week) => {
        const responses = byWeek.get(week)?.responses ?? 0;
        return { week, priceComplaintShare: responses > 0 ? (priceByWeek.get(week)?.responses ?? 0) / responses : null, averagePaidFen: paid.get(week) ?? null };
      }),
      trend: [...byWeek.keys()].sort().map((week) => {
        const figures = published(byWeek.get(week));
        return { week, average: figures.averageRating, suppressed: figures.suppressed };
      }),
    };
  }
}
