import type { DemoDay } from './day-stream';
import { generateDemoEnterprise } from './demo-enterprise';
import type { DemoOptions } from './demo-options';

/** What an import of the demo data must add up to. Sums run over all rows, so refunds count negative. */
export interface DemoTotals {
  transactions: number;
  saleTransactions: number;
  refundTransactions: number;
  lines: number;
  amountPaidFen: number;
  subsidyFen: number;
  lineAmountFen: number;
  portionsSold: number;
  portionsPrepared: number;
  /** Prepared portions binned unsold (overproduction waste). */
  portionsWasted: number;
  /** All waste kinds, in kg with three decimals. */
  wasteKg: number;
  menuItems: number;
  feedback: number;
}

export class DemoTotalsAccumulator {
  private readonly totals: DemoTotals = {
    transactions: 0,
    saleTransactions: 0,
    refundTransactions: 0,
    lines: 0,
    amountPaidFen: 0,
    subsidyFen: 0,
    lineAmountFen: 0,
    portionsSold: 0,
    portionsPrepared: 0,
    portionsWasted: 0,
    wasteKg: 0,
    menuItems: 0,
    feedback: 0,
  };
  /** Kilograms are summed in grams so the total does not depend on floating-point order. */
  private wasteGrams = 0;

  add(day: DemoDay): void {
    const totals = this.totals;
    totals.transactions += day.transactions.length;
    for (const transaction of day.transactions) {
      if (transaction.kind === 'sale') totals.saleTransactions++;
      else totals.refundTransactions++;
      totals.amountPaidFen += transaction.amountPaidFen;
      totals.subsidyFen += transaction.subsidyFen;
    }
    totals.lines += day.saleLines.length;
    for (const line of day.saleLines) {
      totals.lineAmountFen += line.amountFen;
      totals.portionsSold += line.quantity;
    }
    for (const production of day.production) totals.portionsPrepared += production.portionsPrepared;
    for (const waste of day.waste) {
      if (waste.kind === 'overproduction') totals.portionsWasted += waste.portions ?? 0;
      this.wasteGrams += Math.round(waste.kg * 1000);
    }
    totals.menuItems += day.menuItems.length;
    totals.feedback += day.feedback.length;
  }

  result(): DemoTotals {
    return { ...this.totals, wasteKg: this.wasteGrams / 1000 };
  }
}

/** The totals of the generated data, without writing any file. */
export function demoTotals(options: DemoOptions): DemoTotals {
  const accumulator = new DemoTotalsAccumulator();
  for (const day of generateDemoEnterprise(options).days()) accumulator.add(day);
  return accumulator.result();
}
