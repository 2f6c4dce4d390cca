import type { MealPeriod, PaymentChannel } from '@larder/domain';
import type { DishSpec } from './catalogue/dishes.catalogue';
import type { DemoTransaction, DishRow, SaleLineRow } from './demo-rows';
import type { Menu } from './menu-cycle';
import { MEAL_INDEX, StaffRegister } from './organisation';
import { Random } from './random';

/** Employees of one site who eat at the canteen: index range and today's turnout multiplier. */
export interface Feeder {
  from: number;
  to: number;
  turnout: number;
}

export interface ServiceRequest {
  canteenId: number;
  canteenCode: string;
  terminals: readonly string[];
  serviceDate: string;
  /** yyyymmdd as a number: transaction ids are yyyymmdd·10⁵ + sequence, unique per canteen. */
  dateKey: number;
  /** Epoch ms of local (UTC+8) midnight of the service date. */
  localMidnightMs: number;
  meal: MealPeriod;
  feeders: readonly Feeder[];
  /** Unexplained day-to-day swing (weather, a meeting, a football match) the kitchen could not foresee. */
  swing: number;
  menu: Menu;
  appeal: Float64Array;
  /** Portions prepared per menu position (mains first, then extras); decremented as portions sell. */
  remaining: Int32Array;
  subsidyCapFen: number;
  bankAppAdoption: number;
  /** Next transaction sequence number of the canteen's day, shared by its meals. */
  sequence: number;
  random: Random;
}

/** The day's output rows; firstLine[i] is the index in lines of transaction i's first line. */
export interface SalesBuffers {
  transactions: DemoTransaction[];
  lines: SaleLineRow[];
  firstLine: number[];
}

export interface ServiceOutcome {
  /** Sale transactions paid in this service (excluding refunds). */
  sales: number;
  /** Portions sold per menu position. */
  sold: Int32Array;
  /** Diners who found their dish sold out. */
  stockouts: number;
  nextSequence: number;
}

/** Meal window in local seconds of the day and the rush peak; night sales stop at midnight so the day holds. */
const SERVICE_PROFILE: Record<MealPeriod, [start: number, end: number, peak: number]> = {
  breakfast: [7 * 3600, 9 * 3600, 7 * 3600 + 50 * 60],
  lunch: [11 * 3600, 13 * 3600 + 30 * 60, 11 * 3600 + 55 * 60],
  dinner: [17 * 3600, 19 * 3600 + 30 * 60, 17 * 3600 + 50 * 60],
  night: [22 * 3600, 24 * 3600 - 1, 22 * 3600 + 40 * 60],
};
const EXTRA_RATE: Record<MealPeriod, number> = { breakfast: 0.55, lunch: 0.13, dinner: 0.1, night: 0.15 };
const SECOND_PURCHASE_RATE = 0.02;
const REFUND_RATE = 0.002;
const LEAVE_WHEN_SOLD_OUT = 0.25;

/**
 * Simulates one canteen service: who comes (a Bernoulli draw per employee), in which order, what they
 * take while stock lasts, how they pay. Scratch buffers are reused across services to keep the hot loop
 * free of allocation apart from the output rows.
 */
export class SalesGenerator {
  private diners: Int32Array;
  private times = new Float64Array(4096);
  private weights = new Float64Array(16);
  private currentWeights = new Float64Array(16);
  private extraWeights = new Float64Array(16);

  private out: SalesBuffers = { transactions: [], lines: [], firstLine: [] };

  constructor(private readonly context: { staff: StaffRegister; dishes: readonly DishRow[]; specs: readonly DishSpec[] }) {
    this.diners = new Int32Array(context.staff.count);
  }

  run(request: ServiceRequest, out: SalesBuffers): ServiceOutcome {
    this.out = out;
    const { staff } = this.context;
    const random = request.random;
    const mealIndex = MEAL_INDEX[request.meal];
    const propensityBase = mealIndex * staff.count;
    let n = 0;
    for (const feeder of request.feeders) {
      const factor = feeder.turnout * request.swing;
      for (let e = feeder.from; e < feeder.to; e++) {
        if (random.next() < staff.propensity[propensityBase + e] * factor) this.diners[n++] = e;
      }
    }
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random.next() * (i + 1));
      const t = this.diners[i];
      this.diners[i] = this.diners[j];
      this.diners[j] = t;
    }
    const times = this.arrivalTimes({ meal: request.meal, n, random });

    const { mains, extras } = request.menu;
    for (let i = 0; i < mains.length; i++) this.weights[i] = request.appeal[mains[i]];
    for (let i = 0; i < extras.length; i++) this.extraWeights[i] = request.appeal[extras[i]];
    const sold = new Int32Array(mains.length + extras.length);
    const firstSale = this.out.transactions.length;
    let sequence = request.sequence;
    let stockouts = 0;

    for (let k = 0; k < n; k++) {
      const employee = this.diners[k];
      const wanted = random.weighted(this.weights, mains.length);
      let main = wanted;
      if (request.remaining[wanted] <= 0) {
        stockouts++;
        if (random.next() < LEAVE_WHEN_SOLD_OUT) continue;
        for (let i = 0; i < mains.length; i++) this.currentWeights[i] = request.remaining[i] > 0 ? this.weights[i] : 0;
        main = random.weighted(this.currentWeights, mains.length);
        if (main < 0) continue;
      }
      const transaction = this.openTransaction({ request, employee, sequence: sequence++, seconds: times[k] });
      let lineNo = 0;
      let total = 0;
      total += this.addLine({ request, transaction, lineNo: ++lineNo, position: main, dishIndex: mains[main], sold, quantity: this.quantity({ dishIndex: mains[main], main: true, random }) });
      if (random.next() < EXTRA_RATE[request.meal]) {
        const extra = random.weighted(this.extraWeights, extras.length);
        const position = mains.length + extra;
        if (extra >= 0 && request.remaining[position] > 0) {
          total += this.addLine({ request, transaction, lineNo: ++lineNo, position, dishIndex: extras[extra], sold, quantity: this.quantity({ dishIndex: extras[extra], main: false, random }) });
        }
      }
      this.settle({ transaction, firstLine: this.out.lines.length - lineNo, total, subsidyCapFen: request.subsidyCapFen });

      // A few come back for a drink or soup: a second payment, and the meal's subsidy is already used up.
      if ((request.meal === 'lunch' || request.meal === 'dinner') && random.next() < SECOND_PURCHASE_RATE && extras.length > 0) {
        const extra = random.weighted(this.extraWeights, extras.length);
        const position = mains.length + extra;
        if (extra >= 0 && request.remaining[position] > 0) {
          const end = SERVICE_PROFILE[request.meal][1];
          const again = this.openTransaction({ request, employee, sequence: sequence++, seconds: Math.min(end, times[k] + 60 + random.int(300)) });
          const amount = this.addLine({ request, transaction: again, lineNo: 1, position, dishIndex: extras[extra], sold, quantity: 1 });
          this.settle({ transaction: again, firstLine: this.out.lines.length - 1, total: amount, subsidyCapFen: 0 });
        }
      }
    }
    const sales = this.out.transactions.length - firstSale;
    sequence = this.refund({ request, firstSale, sales, sequence });
    return { sales, sold, stockouts, nextSequence: sequence };
  }

  private openTransaction(params: { request: ServiceRequest; employee: number; sequence: number; seconds: number }): DemoTransaction {
    const { request, employee } = params;
    const { staff } = this.context;
    const random = request.random;
    const id = request.dateKey * 100_000 + params.sequence;
    const roll = random.next();
    const channel: PaymentChannel = roll < 0.03 ? 'wechat' : roll < 0.05 ? 'alipay' : staff.appAffinity[employee] < request.bankAppAdoption ? 'bank_app' : 'card';
    const transaction: DemoTransaction = {
      canteenId: request.canteenId,
      id,
      source: 'demo',
      externalId: request.canteenCode + '-' + id,
      terminal: request.terminals[Math.floor(random.next() * request.terminals.length)],
      cardNo: staff.cardNo[employee],
      employeeNo: staff.employeeNo[employee],
      occurredAt: new Date(request.localMidnightMs + params.seconds * 1000),
      serviceDate: request.serviceDate,
      meal: request.meal,
      kind: 'sale',
      amountPaidFen: 0,
      subsidyFen: 0,
      channel,
      refundOfExternalId: null,
    };
    this.out.transactions.push(transaction);
    this.out.firstLine.push(this.out.lines.length);
    return transaction;
  }

  private addLine(params: { request: ServiceRequest; transaction: DemoTransaction; lineNo: number; position: number; dishIndex: number; sold: Int32Array; quantity: number }): number {
    const { request, position } = params;
    const quantity = Math.min(params.quantity, request.remaining[position]);
    request.remaining[position] -= quantity;
    params.sold[position] += quantity;
    const unitPriceFen = this.context.dishes[params.dishIndex].listPriceFen;
    const amountFen = quantity * unitPriceFen;
    this.out.lines.push({
      canteenId: request.canteenId,
      transactionId: params.transaction.id,
      lineNo: params.lineNo,
      dishId: params.dishIndex + 1,
      quantity,
      unitPriceFen,
      amountFen,
      subsidyFen: 0,
    });
    return amountFen;
  }

  /** The subsidy covers the bill up to the meal's cap once per employee and meal, line by line in order. */
  private settle(params: { transaction: DemoTransaction; firstLine: number; total: number; subsidyCapFen: number }): void {
    const subsidy = Math.min(params.subsidyCapFen, params.total);
    params.transaction.subsidyFen = subsidy;
    params.transaction.amountPaidFen = params.total - subsidy;
    let left = subsidy;
    const lines = this.out.lines;
    for (let i = params.firstLine; i < lines.length && left > 0; i++) {
      const share = Math.min(left, lines[i].amountFen);
      lines[i].subsidyFen = share;
      left -= share;
    }
  }

  private quantity(params: { dishIndex: number; main: boolean; random: Random }): number {
    if (!this.context.specs[params.dishIndex].byPiece) return 1;
    const roll = params.random.next();
    const main = params.main;
    if (main) return roll < 0.3 ? 1 : roll < 0.8 ? 2 : 3;
    return roll < 0.7 ? 1 : 2;
  }

  /** Sorted arrival seconds: a rush around the peak on top of a steady trickle. */
  private arrivalTimes(params: { meal: MealPeriod; n: number; random: Random }): Float64Array {
    const { n, random } = params;
    if (this.times.length < n) this.times = new Float64Array(n * 2);
    const [start, end, peak] = SERVICE_PROFILE[params.meal];
    const span = end - start;
    const modeShare = (peak - start) / span;
    for (let i = 0; i < n; i++) {
      const u = random.next();
      let t: number;
      if (random.next() < 0.15) t = start + u * span;
      else t = u < modeShare ? start + Math.sqrt(u * span * (peak - start)) : end - Math.sqrt((1 - u) * span * (end - peak));
      this.times[i] = Math.min(end, Math.floor(t));
    }
    const view = this.times.subarray(0, n);
    view.sort();
    return view;
  }

  /** A cashier reverses a few sales minutes later (wrong dish keyed, double tap): a full refund. */
  private refund(params: { request: ServiceRequest; firstSale: number; sales: number; sequence: number }): number {
    const { request, firstSale, sales } = params;
    const { transactions, lines, firstLine } = this.out;
    const random = request.random;
    let sequence = params.sequence;
    const count = Math.min(sales, random.poisson(sales * REFUND_RATE));
    const refunded = new Set<number>();
    const end = SERVICE_PROFILE[request.meal][1];
    for (let r = 0; r < count; r++) {
      const index = firstSale + random.int(sales);
      if (refunded.has(index)) continue;
      refunded.add(index);
      const original = transactions[index];
      const originalSeconds = (original.occurredAt.getTime() - request.localMidnightMs) / 1000;
      const id = request.dateKey * 100_000 + sequence++;
      const refund: DemoTransaction = {
        ...original,
        id,
        externalId: request.canteenCode + '-' + id,
        occurredAt: new Date(request.localMidnightMs + Math.min(end, originalSeconds + 30 + random.int(570)) * 1000),
        kind: 'refund',
        amountPaidFen: -original.amountPaidFen,
        subsidyFen: -original.subsidyFen,
        refundOfExternalId: original.externalId,
      };
      transactions.push(refund);
      firstLine.push(lines.length);
      for (let l = firstLine[index]; l < lines.length && lines[l].transactionId === original.id; l++) {
        const line = lines[l];
        lines.push({ ...line, transactionId: id, quantity: -line.quantity, amountFen: -line.amountFen, subsidyFen: -line.subsidyFen });
      }
    }
    return sequence;
  }
}
