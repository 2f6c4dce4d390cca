import { addDays, daysBetween, IsoDate, isoWeekday, lineAmountFen, packsFor } from '@larder/domain';
import type { DemoWorld } from './demo-master';
import type { ProductionLogRow, PurchaseOrderLineRow, PurchaseOrderRow, SupplierItemRow } from './demo-rows';
import { Random } from './random';
import { DayInfo, isCanteenOpen } from './service-calendar';

/** What the day's purchasing adds to the stream. */
export interface PurchasingOut {
  purchaseOrders: PurchaseOrderRow[];
  purchaseOrderLines: PurchaseOrderLineRow[];
}

interface Item {
  row: SupplierItemRow;
  /** Fewest days between two deliveries: fresh goods come every delivery day, the rest a few times a week or weekly. */
  cover: number;
  prices: { validFrom: IsoDate; packPriceFen: number }[];
}

interface PendingOrder {
  row: PurchaseOrderRow;
  lines: PurchaseOrderLineRow[];
  /** Lines whose cover has not ended yet: the order is known once they are all cooked. */
  open: number;
}

/**
 * The canteens' buyer: each ingredient comes from its primary supplier on the supplier's delivery days,
 * as often as its shelf life asks, and each delivery brings what the kitchen cooks (production × recipes)
 * until the next one, less what is left in store, rounded up to packs. A delivery's quantity is known once
 * the days it feeds are cooked, so an order reaches the stream then; the deliveries still open at the end
 * of the history are sized from the days cooked so far. The last day's deliveries wait for receipt; the
 * others are received with delivery notes that differ a little from the order.
 */
export class Buyer {
  private readonly items: (Item | null)[];
  private readonly recipes: { ingredient: number; gross: number }[][];
  private readonly canteenIndex = new Map<number, number>();
  /** Per [canteen * ingredients + ingredient]: the open delivery (its day index, -1 for none), what it has fed so far, and what is in store. */
  private readonly windowStart: Int32Array;
  private readonly windowOrder: (PendingOrder | null)[];
  private readonly used: Float64Array;
  private readonly onHand: Float64Array;
  private readonly pending = new Map<string, PendingOrder>();

  constructor(private readonly world: DemoWorld) {
    const { masters } = world;
    const ingredientCount = masters.ingredients.length;
    this.recipes = masters.dishes.map(() => []);
    for (const line of masters.recipeLines) this.recipes[line.dishId - 1].push({ ingredient: line.ingredientId - 1, gross: line.quantityPerPortion / (1 - line.yieldLoss) });
    // The catalogue lists each ingredient's primary supplier first.
    this.items = masters.ingredients.map((ingredient) => {
      const row = masters.supplierItems.find((item) => item.ingredientId === ingredient.id);
      if (!row) return null;
      const prices = masters.supplierPrices.filter((price) => price.supplierItemId === row.id).sort((a, b) => a.validFrom.localeCompare(b.validFrom));
      return { row, cover: ingredient.shelfLifeDays <= 3 ? 1 : ingredient.shelfLifeDays <= 14 ? 3 : 7, prices };
    });
    masters.canteens.forEach((canteen, index) => this.canteenIndex.set(canteen.id, index));
    const slots = masters.canteens.length * ingredientCount;
    this.windowStart = new Int32Array(slots).fill(-1);
    this.windowOrder = new Array<PendingOrder | null>(slots).fill(null);
    this.used = new Float64Array(slots);
    this.onHand = new Float64Array(slots);
  }

  /** One day of history: today's deliveries end the previous ones' cover, then today's cooking is booked to the open ones. */
  day(day: DayInfo, production: readonly ProductionLogRow[], out: PurchasingOut): void {
    const { organisation, calendar, options } = this.world;
    const ingredientCount = this.items.length;
    organisation.canteens.forEach((canteen, c) => {
      if (!isCanteenOpen({ canteen, day, closures: calendar.closures })) return;
      this.items.forEach((item, i) => {
        if (!item || !item.row.deliveryWeekdays.includes(day.weekday)) return;
        const slot = c * ingredientCount + i;
        const start = this.windowStart[slot];
        if (start >= 0 && day.index - start < item.cover) return;
        if (start >= 0) this.closeLine(slot, item, this.used[slot], out);
        this.windowStart[slot] = day.index;
        this.windowOrder[slot] = this.orderFor(canteen.row.id, item, day.date);
        this.used[slot] = 0;
      });
    });
    for (const row of production) {
      const base = this.canteenIndex.get(row.canteenId)! * ingredientCount;
      for (const { ingredient, gross } of this.recipes[row.dishId - 1]) this.used[base + ingredient] += row.portionsPrepared * gross;
    }
    if (day.date !== options.endDate) return;
    this.windowStart.forEach((start, slot) => {
      if (start < 0) return;
      const item = this.items[slot % ingredientCount]!;
      const startDate = this.windowOrder[slot]!.row.deliveryDate;
      // Sized from the days cooked so far, spread over the days until the next delivery is due.
      const cooked = day.index - start + 1;
      const span = Math.max(cooked, daysBetween(startDate, nextDeliveryDue(item, startDate)));
      this.closeLine(slot, item, (this.used[slot] * span) / cooked, out);
      this.windowStart[slot] = -1;
    });
  }

  private orderFor(canteenId: number, item: Item, deliveryDate: IsoDate): PendingOrder {
    const { supplierId, leadTimeDays } = item.row;
    const key = `${canteenId}|${supplierId}|${deliveryDate}`;
    let order = this.pending.get(key);
    if (!order) {
      const id = `de000000-${hex2(canteenId)}${hex2(supplierId)}-4000-8000-${deliveryDate.replaceAll('-', '')}0000`;
      const status = deliveryDate < this.world.options.endDate ? 'received' : 'sent';
      order = { row: { id, canteenId, planId: null, supplierId, orderDate: addDays(deliveryDate, -leadTimeDays), deliveryDate, status, totalFen: 0, late: false }, lines: [], open: 0 };
      this.pending.set(key, order);
    }
    order.open++;
    return order;
  }

  /** Ends one ingredient's delivery: orders what the cover needs beyond what is in store, in whole packs. */
  private closeLine(slot: number, item: Item, used: number, out: PurchasingOut): void {
    const order = this.windowOrder[slot]!;
    const need = used - this.onHand[slot];
    if (need > 1e-9) {
      const { id: supplierItemId, ingredientId, packSize, minOrderPacks } = item.row;
      const packs = packsFor({ quantity: need, packSize, minOrderPacks });
      const packPriceFen = priceOn(item, order.row.orderDate);
      order.lines.push({
        orderId: order.row.id,
        supplierItemId,
        canteenId: order.row.canteenId,
        ingredientId,
        packs,
        packPriceFen,
        amountFen: lineAmountFen(packs, packPriceFen),
        neededQuantity: Math.round(need * 1000) / 1000,
        receivedPacks: null,
        receivedPackPriceFen: null,
      });
      this.onHand[slot] = packs * packSize - need;
    } else {
      this.onHand[slot] = -need;
    }
    this.windowOrder[slot] = null;
    if (--order.open === 0) this.emit(order, out);
  }

  private emit(order: PendingOrder, out: PurchasingOut): void {
    const { row, lines } = order;
    this.pending.delete(`${row.canteenId}|${row.supplierId}|${row.deliveryDate}`);
    if (lines.length === 0) return;
    row.totalFen = lines.reduce((sum, line) => sum + line.amountFen, 0);
    if (row.status === 'received') receive(lines, new Random(this.world.options.seed, 'delivery note', row.id));
    out.purchaseOrders.push(row);
    out.purchaseOrderLines.push(...lines);
  }
}

/** The delivery note: most lines arrive as ordered; some a pack short or over, some at a slightly different price. */
function receive(lines: PurchaseOrderLineRow[], random: Random): void {
  for (const line of lines) {
    const roll = random.next();
    line.receivedPacks = roll < 0.05 && line.packs > 1 ? line.packs - 1 : roll > 0.97 ? line.packs + 1 : line.packs;
    line.receivedPackPriceFen = random.chance(0.08) ? Math.max(1, Math.round(line.packPriceFen * (1 + random.between(-0.04, 0.03)))) : line.packPriceFen;
  }
}

/** The pack price in force on the order day (the latest list dated on or before it), as procurement prices orders. */
function priceOn(item: Item, date: IsoDate): number {
  let price = item.prices[0].packPriceFen;
  for (const entry of item.prices) if (entry.validFrom <= date) price = entry.packPriceFen;
  return price;
}

function nextDeliveryDue(item: Item, start: IsoDate): IsoDate {
  let date = addDays(start, item.cover);
  while (!item.row.deliveryWeekdays.includes(isoWeekday(date))) date = addDays(date, 1);
  return date;
}

function hex2(value: number): string {
  return value.toString(16).padStart(2, '0');
}
