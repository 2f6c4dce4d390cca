import type { IsoDate } from '@larder/domain';

/** A dish's ingredient cost of one portion on one day (fen, fractional). */
export interface PortionCost {
  readonly dishId: number;
  readonly date: IsoDate;
  readonly fenPerPortion: number;
}

/**
 * Portion costs of the days from `from` to `to`, as the database's costing (COST_CTES) gives them:
 * planning never prices a portion itself. A dish without a priced recipe costs 0; a day outside
 * the range was not loaded, which is a mistake of the caller.
 */
export class PortionCosts {
  private readonly costs = new Map<string, number>();

  constructor(
    readonly from: IsoDate,
    readonly to: IsoDate,
    rows: readonly PortionCost[],
  ) {
    for (const row of rows) this.costs.set(`${row.dishId}|${row.date}`, row.fenPerPortion);
  }

  /** No day loaded: for uses that never price a portion (stock, approval warnings). */
  static none(): PortionCosts {
    return new PortionCosts('9999-12-31', '0000-01-01', []);
  }

  /** The same days with each loaded cost changed. */
  map(change: (dishId: number, date: IsoDate, fenPerPortion: number) => number): PortionCosts {
    const rows = [...this.costs.entries()].map(([key, fen]) => {
      const [dishId, date] = key.split('|');
      return { dishId: Number(dishId), date: date as IsoDate, fenPerPortion: change(Number(dishId), date as IsoDate, fen) };
    });
    return new PortionCosts(this.from, this.to, rows);
  }

  on(dishId: number, date: IsoDate): number {
    if (date < this.from || date > this.to) throw new Error(`portion costs of ${date} were not loaded (loaded: ${this.from}..${this.to})`);
    return this.costs.get(`${dishId}|${date}`) ?? 0;
  }
}
