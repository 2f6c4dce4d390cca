import type { TransactionDraft } from '../import/validation/transaction-rows';

interface DishTotals {
  quantity: number;
  revenueFen: number;
  subsidyFen: number;
  diners: Set<string>;
}

interface MealTotals {
  key: string;
  canteenId: number;
  serviceDate: string;
  meal: string;
  /** The last chunk a payment of this meal arrived in. */
  seenIn: number;
  transactions: number;
  refunds: number;
  paidFen: number;
  subsidyFen: number;
  covers: Set<string>;
  paidByChannel: Map<string, number>;
  dishes: Map<number, DishTotals>;
}

/** COPY text of finished meals, for the temp tables RollupDeltas reads (columns: MEAL_DELTA_COLUMNS, DISH_DELTA_COLUMNS). */
export interface MealDeltaText {
  meals: string;
  dishes: string;
  /** Meals that came back after they were finished (an unsorted file): to be rebuilt from the facts. */
  reopened: string[];
}

/** Chunks a meal may go without payments before it counts as finished. Exports are sorted by time, so meals end. */
const IDLE_CHUNKS = 2;

/**
 * Aggregates payments into the rollups' figures as they are read, exactly as the rollup SQL would
 * aggregate the stored rows: sums per meal and per dish, distinct diners over sales. A meal's figures
 * are handed out once it has been idle for a while, so only the meals in progress are held in memory.
 * A meal that shows up again after that is reported as reopened, and rebuilt from the facts instead.
 */
export class MealRollupAggregator {
  private readonly open = new Map<string, MealTotals>();
  private readonly finished = new Set<string>();
  /** Reopened meals: their figures so far were handed out already, so they are left to the facts. */
  private readonly abandoned = new Set<string>();
  private reopened: string[] = [];
  private chunk = 0;
  private last: MealTotals | null = null;

  add(draft: TransactionDraft): void {
    const totals = this.totalsOf(draft);
    if (totals === null) return;
    const sale = draft.kind === 'sale';
    if (sale) {
      totals.transactions++;
      totals.covers.add(draft.dinerPseudonym);
    } else {
      totals.refunds++;
    }
    totals.paidFen += draft.amountPaidFen;
    totals.subsidyFen += draft.subsidyFen;
    totals.paidByChannel.set(draft.channel, (totals.paidByChannel.get(draft.channel) ?? 0) + draft.amountPaidFen);
    for (const line of draft.lines) {
      let dish = totals.dishes.get(line.dishId);
      if (dish === undefined) totals.dishes.set(line.dishId, (dish = { quantity: 0, revenueFen: 0, subsidyFen: 0, diners: new Set() }));
      dish.quantity += line.quantity;
      dish.revenueFen += line.amountFen;
      dish.subsidyFen += line.subsidyFen;
      if (sale) dish.diners.add(draft.dinerPseudonym);
    }
  }

  /** Ends a chunk: hands out the meals that have gone idle (all of them when `final`). */
  cut(final: boolean): MealDeltaText {
    this.chunk++;
    let meals = '';
    let dishes = '';
    for (const [key, totals] of this.open) {
      if (!final && this.chunk - totals.seenIn <= IDLE_CHUNKS) continue;
      this.open.delete(key);
      this.finished.add(key);
      const { canteenId: c, serviceDate: d, meal: m } = totals;
      meals += `${c}\t${d}\t${m}\t${totals.covers.size}\t${totals.transactions}\t${totals.refunds}\t${totals.paidFen}\t${totals.subsidyFen}\t${JSON.stringify(Object.fromEntries(totals.paidByChannel))}\n`;
      for (const [dishId, dish] of totals.dishes) dishes += `${c}\t${d}\t${m}\t${dishId}\t${dish.quantity}\t${dish.revenueFen}\t${dish.subsidyFen}\t${dish.diners.size}\n`;
    }
    this.last = null;
    const reopened = this.reopened;
    this.reopened = [];
    return { meals, dishes, reopened };
  }

  private totalsOf(draft: TransactionDraft): MealTotals | null {
    const last = this.last;
    if (last !== null && last.canteenId === draft.canteenId && last.serviceDate === draft.serviceDate && last.meal === draft.meal) return last;
    const key = `${draft.canteenId}|${draft.serviceDate}|${draft.meal}`;
    let totals = this.open.get(key);
    if (totals === undefined) {
      if (this.abandoned.has(key)) return null;
      if (this.finished.has(key)) {
        this.finished.delete(key);
        this.abandoned.add(key);
        this.reopened.push(key);
        return null;
      }
      totals = {
        key,
        canteenId: draft.canteenId,
        serviceDate: draft.serviceDate,
        meal: draft.meal,
        seenIn: this.chunk,
        transactions: 0,
        refunds: 0,
        paidFen: 0,
        subsidyFen: 0,
        covers: new Set(),
        paidByChannel: new Map(),
        dishes: new Map(),
      };
      this.open.set(key, totals);
    }
    totals.seenIn = this.chunk;
    this.last = totals;
    return totals;
  }
}
