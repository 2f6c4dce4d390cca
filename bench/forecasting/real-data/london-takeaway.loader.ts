/**
 * London Indian takeaway (restaurant 1): units per dish per day (all 248 dishes, and the 20 best
 * sellers), items sold per day and orders per day.
 * Protocol (SOURCE.md): test = the last 120 days (2019-04-06 .. 2019-08-03). A day is open when it
 * has an order; on open days a dish with no order line sold 0; other days are absent (closed).
 * England's bank holidays are the calendar.
 */
import { join } from 'node:path';
import { englandBankHolidays, holidaysBetween } from './public-holidays';
import { addDays, compareText, LarderRow, numberOf, readRecords, RealDataset, SeriesSet } from './real-dataset';

const CANTEEN = 'restaurant-1';
const TEST_FROM = '2019-04-06';

interface OrderLine {
  readonly order: string;
  readonly date: string;
  readonly item: string;
  readonly quantity: number;
}

/** `dd/mm/yyyy HH:MM` (UK day-first) → ISO date. */
function isoDay(text: string, where: string): string {
  const match = /^(\d{2})\/(\d{2})\/(\d{4}) \d{2}:\d{2}$/.exec(text);
  if (!match) throw new Error(`${where}: OrderDate ${JSON.stringify(text)} is not dd/mm/yyyy HH:MM`);
  return `${match[3]}-${match[2]}-${match[1]}`;
}

function readLines(folder: string): OrderLine[] {
  const path = join(folder, 'restaurant-1-orders.csv');
  return readRecords(path).map((record, i) => {
    const where = `${path} record ${i + 1}`;
    return { order: record.OrderNumber, date: isoDay(record.OrderDate, where), item: record.ItemName, quantity: numberOf(record, 'Quantity', where) };
  });
}

function set(id: string, title: string, perItem: boolean, rows: LarderRow[], reference: SeriesSet['reference']): SeriesSet {
  return { id, title, perItem, driverNames: [], hasPlanned: false, rows, reference };
}

export function loadLondonTakeaway(folder: string): RealDataset {
  const lines = readLines(folder);
  const openDays = [...new Set(lines.map((line) => line.date))].sort(compareText);
  const items = [...new Set(lines.map((line) => line.item))].sort(compareText);
  const units = new Map<string, number>(); // item|date → units
  const itemsPerDay = new Map<string, number>();
  const ordersPerDay = new Map<string, Set<string>>();
  for (const line of lines) {
    const key = `${line.item}|${line.date}`;
    units.set(key, (units.get(key) ?? 0) + line.quantity);
    itemsPerDay.set(line.date, (itemsPerDay.get(line.date) ?? 0) + line.quantity);
    const orders = ordersPerDay.get(line.date) ?? new Set<string>();
    orders.add(line.order);
    ordersPerDay.set(line.date, orders);
  }
  const dishRows = (item: string): LarderRow[] => openDays.map((date) => ({ date, canteen: CANTEEN, meal: 'day', item, quantity: units.get(`${item}|${date}`) ?? 0 }));

  // The 20 dishes that sold most in the 365 days before the test window: chosen without look-ahead.
  const chooseFrom = addDays(TEST_FROM, -365);
  const before = new Map<string, number>(items.map((item) => [item, 0]));
  for (const line of lines) if (line.date >= chooseFrom && line.date < TEST_FROM) before.set(line.item, before.get(line.item)! + line.quantity);
  const top20 = [...items].sort((a, b) => before.get(b)! - before.get(a)! || compareText(a, b)).slice(0, 20);

  return {
    id: 'london',
    folder: 'london-takeaway',
    title: 'London Indian takeaway (restaurant 1), order lines, 2015-09 .. 2019-08',
    holdout: false,
    calendar: holidaysBetween(englandBankHolidays, '2015-01-01', '2019-12-31').map((holiday) => ({ date: holiday.date, kind: 'holiday', name: holiday.name })),
    protocol: {
      testFrom: TEST_FROM,
      testTo: '2019-08-03',
      leads: [7, 14],
      scored: 'every open day of the last 120 days (all 120 are open); per dish, every open day (0 when the dish did not sell)',
      notes: [
        'Open day = a day with at least one order; dishes are 0 on open days without a sale, from the first open day on (as SOURCE.md).',
        'Top 20 = the 20 dishes with the most units in the 365 days before the test window.',
        'Calendar: England and Wales bank holidays (computed).',
      ],
    },
    sets: [
      set('dishes', 'units per dish per day, all 248 dishes', true, items.flatMap(dishRows), [
        { lead: 7, scored: 29760, seasonalNaiveWape: 1.0211, median4Wape: 0.8193 },
        { lead: 14, scored: 29760, seasonalNaiveWape: 1.0323, median4Wape: 0.8185 },
      ]),
      set('top20-dishes', 'units per dish per day, top 20 dishes', true, top20.flatMap(dishRows), [
        { lead: 7, scored: 2400, seasonalNaiveWape: 0.734, median4Wape: 0.5995 },
        { lead: 14, scored: 2400, seasonalNaiveWape: 0.7408, median4Wape: 0.5924 },
      ]),
      set(
        'items-per-day',
        'items sold per day',
        false,
        openDays.map((date) => ({ date, canteen: CANTEEN, meal: 'day', item: 'all items', quantity: itemsPerDay.get(date)! })),
        [
          { lead: 7, scored: 120, seasonalNaiveWape: 0.3327, median4Wape: 0.2943 },
          { lead: 14, scored: 120, seasonalNaiveWape: 0.3661, median4Wape: 0.2928 },
        ],
      ),
      set(
        'orders-per-day',
        'orders per day',
        false,
        openDays.map((date) => ({ date, canteen: CANTEEN, meal: 'day', item: '*', quantity: ordersPerDay.get(date)!.size })),
        [
          { lead: 7, scored: 120, seasonalNaiveWape: 0.2868, median4Wape: 0.24 },
          { lead: 14, scored: 120, seasonalNaiveWape: 0.3157, median4Wape: 0.2373 },
        ],
      ),
    ],
  };
}
