/**
 * Menu proposal replay: for past two-week cycles of every canteen, the proposal made from the data
 * before the cycle (predicted waste per cover and satisfaction, served menu vs proposed), and how the
 * dishes it favoured and the ones it took off actually did when they were served in that cycle
 * (leftover share of what was prepared, portions per service, mean rating). On a database that
 * already holds the demo (`larder demo seed`); each proposal is stored there like any other. Prints JSON.
 *
 *   node_modules/.bin/swc libs bench/procurement bench/support -d /tmp/menu-bench --ignore '**\/*.spec.ts' -q
 *   NODE_PATH=$PWD/node_modules node_modules/.bin/node /tmp/menu-bench/bench/procurement/menu-replay.bench.js --url postgres://…/larder_demo [--cycles 6] [--last 2026-11-29]
 */
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ConfigModule, loadConfig } from '@larder/config';
import { DatabaseModule, DatabaseService } from '@larder/database';
import { addDays, isoWeekStart, isoWeek } from '@larder/domain';
import { MenuProposalService, ProcurementModule, SlotFigures } from '@larder/procurement';
import { argument } from '../support/arguments';

const CYCLE_DAYS = 14;

interface Realised {
  servings: number;
  prepared: number;
  leftover: number;
  sold: number;
  ratings: number;
  ratingSum: number;
}

async function realised(db: DataSource, canteenId: number, from: string, to: string, dishIds: readonly number[]): Promise<Realised> {
  if (dishIds.length === 0) return { servings: 0, prepared: 0, leftover: 0, sold: 0, ratings: 0, ratingSum: 0 };
  const [sales] = await db.query(
    `SELECT count(*)::int AS servings, coalesce(sum(prepared), 0)::int AS prepared, coalesce(sum(GREATEST(prepared - quantity, 0)), 0)::int AS leftover, coalesce(sum(quantity), 0)::int AS sold
     FROM daily_dish_rollup WHERE canteen_id = $1 AND service_date BETWEEN $2::date AND $3::date AND dish_id = ANY($4::int[])`,
    [canteenId, from, to, [...dishIds]],
  );
  const [feedback] = await db.query(
    `SELECT count(*)::int AS ratings, coalesce(sum(rating), 0)::int AS rating_sum FROM feedback
     WHERE canteen_id = $1 AND service_date BETWEEN $2::date AND $3::date AND dish_id = ANY($4::int[])`,
    [canteenId, from, to, [...dishIds]],
  );
  return { servings: sales.servings, prepared: sales.prepared, leftover: sales.leftover, sold: sales.sold, ratings: feedback.ratings, ratingSum: feedback.rating_sum };
}

function add(a: Realised, b: Realised): Realised {
  return {
    servings: a.servings + b.servings,
    prepared: a.prepared + b.prepared,
    leftover: a.leftover + b.leftover,
    sold: a.sold + b.sold,
    ratings: a.ratings + b.ratings,
    ratingSum: a.ratingSum + b.ratingSum,
  };
}

function summary(value: Realised) {
  return {
    servings: value.servings,
    leftoverShare: value.prepared > 0 ? value.leftover / value.prepared : null,
    portionsPerServing: value.servings > 0 ? value.sold / value.servings : null,
    meanRating: value.ratings > 0 ? value.ratingSum / value.ratings : null,
    ratings: value.ratings,
  };
}

async function main(): Promise<void> {
  const url = argument('url', '');
  if (!url) throw new Error('--url names the database with the demo');
  const cycles = Number(argument('cycles', '6'));
  @Module({ imports: [ConfigModule.forRoot(loadConfig({ DATABASE_URL: url, LARDER_DEMO: 'off', LARDER_PSEUDONYM_SECRET: 'bench-pseudonym-key-0123456' })), DatabaseModule, ProcurementModule] })
  class BenchModule {}
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
  try {
    await app.get(DatabaseService).migrate();
    const db = app.get(DataSource);
    const [{ last }] = await db.query('SELECT max(service_date)::text AS last FROM daily_meal_rollup');
    // The last whole cycle ends on the Sunday before the last day with sales.
    const lastStart = addDays(isoWeekStart(isoWeek(argument('last', last))), -CYCLE_DAYS);
    const canteens: Array<{ id: number; code: string }> = await db.query('SELECT id, code FROM canteen ORDER BY id');
    const rows = [];
    let favouredAll: Realised = { servings: 0, prepared: 0, leftover: 0, sold: 0, ratings: 0, ratingSum: 0 };
    let droppedAll = favouredAll;
    let servedAll = favouredAll;
    const predicted: Array<{ current: SlotFigures; proposed: SlotFigures }> = [];
    const started = performance.now();
    for (let k = cycles - 1; k >= 0; k--) {
      const from = addDays(lastStart, -CYCLE_DAYS * k);
      const to = addDays(from, CYCLE_DAYS - 1);
      for (const canteen of canteens) {
        const proposal = await app.get(MenuProposalService).propose({ canteenId: canteen.id, from, weeks: CYCLE_DAYS / 7, createdBy: 'menu-replay-bench' });
        const favoured = [...new Set(proposal.changes.flatMap((change) => (change.toDishId === null ? [] : [change.toDishId])))];
        const dropped = [...new Set(proposal.changes.flatMap((change) => (change.fromDishId === null ? [] : [change.fromDishId])))].filter((id) => !favoured.includes(id));
        const served = [...new Set(proposal.slots.flatMap((slot) => slot.currentDishIds))];
        const [f, d, s] = [await realised(db, canteen.id, from, to, favoured), await realised(db, canteen.id, from, to, dropped), await realised(db, canteen.id, from, to, served)];
        favouredAll = add(favouredAll, f);
        droppedAll = add(droppedAll, d);
        servedAll = add(servedAll, s);
        predicted.push(proposal.totals);
        rows.push({
          canteen: canteen.code,
          from,
          to,
          changes: proposal.changes.length,
          shortSlots: proposal.issues.length,
          predicted: proposal.totals,
          favoured: { dishes: favoured.length, ...summary(f) },
          dropped: { dishes: dropped.length, ...summary(d) },
        });
      }
    }
    const covers = (pick: 'current' | 'proposed') => predicted.reduce((sum, entry) => sum + entry[pick].covers, 0);
    const weigh = (pick: 'current' | 'proposed', field: keyof SlotFigures) => predicted.reduce((sum, entry) => sum + entry[pick].covers * entry[pick][field], 0) / covers(pick);
    const overall = {
      cycles: rows.length,
      predicted: Object.fromEntries(
        (['current', 'proposed'] as const).map((pick) => [
          pick,
          {
            wasteKgPerCover: weigh(pick, 'wasteKgPerCover'),
            costFenPerCover: weigh(pick, 'costFenPerCover'),
            satisfaction: weigh(pick, 'satisfaction'),
          },
        ]),
      ),
      cyclesWithLowerWaste: rows.filter((row) => row.predicted.proposed.wasteKgPerCover < row.predicted.current.wasteKgPerCover).length,
      cyclesWithSatisfactionNotLower: rows.filter((row) => row.predicted.proposed.satisfaction >= row.predicted.current.satisfaction).length,
      realised: { favoured: summary(favouredAll), dropped: summary(droppedAll), served: summary(servedAll) },
      seconds: (performance.now() - started) / 1000,
    };
    process.stdout.write(JSON.stringify({ overall, rows }, null, 1) + '\n');
  } finally {
    await app.close();
  }
}

void main();
