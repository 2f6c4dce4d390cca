import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seededRandom } from '../support/seeded-random';

/** Masters the synthetic payments name: canteens with meal periods and a menu of dishes. */
export function masterFiles(options: { canteens: number; dishes: number }): Record<string, string> {
  const canteens = Array.from({ length: options.canteens }, (_, index) => `C${index + 1}`);
  const meals = [
    ['breakfast', '06:30', '09:00'],
    ['lunch', '11:00', '13:30'],
    ['dinner', '17:00', '19:30'],
    ['night', '22:00', '01:00'],
  ];
  return {
    'sites.csv': 'site_code,name,name_en\nHQ,总部,Headquarters\n',
    'canteens.csv':
      'canteen_code,name,name_en,site_code,timezone,seats,opens_weekends\n' + canteens.map((code, index) => `${code},第${index + 1}食堂,Canteen ${index + 1},HQ,Asia/Shanghai,400,true\n`).join(''),
    'meal_periods.csv': 'canteen_code,meal,starts_at,ends_at\n' + canteens.flatMap((code) => meals.map(([meal, from, to]) => `${code},${meal},${from},${to}\n`)).join(''),
    'dishes.csv':
      'dish_code,name,name_en,category,list_price,subsidised_price,portion_kg\n' +
      Array.from(
        { length: options.dishes },
        (_, index) => `D${String(index + 1).padStart(4, '0')},菜品${index + 1},Dish ${index + 1},meat,${(8 + (index % 20)).toFixed(2)},${(5 + (index % 15)).toFixed(2)},0.3\n`,
      ).join(''),
  };
}

const HEADER =
  'external_id,occurred_at,service_date,card_no,employee_no,canteen_code,terminal,meal,line_no,dish_code,dish_name,quantity,unit_price,line_amount,line_subsidy,paid_amount,subsidy_amount,payment_channel,kind,refund_of\n';

const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/**
 * Writes `lines` sale lines in the demo export layout (one row per dish line, payment fields repeated),
 * about 1.3 lines per payment, 1 in 200 payments refunded, spread over canteens, days and meals.
 */
export async function writeTransactionFile(options: { path: string; lines: number; canteens: number; dishes: number; employees: number; seed?: number }): Promise<{ lines: number; payments: number }> {
  const next = seededRandom(options.seed ?? 42);
  const out = createWriteStream(options.path, { highWaterMark: 1024 * 1024 });
  out.write(HEADER);
  let written = 0;
  let payments = 0;
  let buffer = '';
  const start = Date.UTC(2025, 0, 1);
  const perDay = Math.max(1, Math.round(options.lines / 1.3 / 365));
  while (written < options.lines) {
    const day = Math.floor(payments / perDay);
    const canteen = `C${1 + Math.floor(next() * options.canteens)}`;
    const meal = next() < 0.6 ? 'lunch' : next() < 0.5 ? 'dinner' : 'breakfast';
    const minute = meal === 'lunch' ? 660 + Math.floor(next() * 150) : meal === 'dinner' ? 1020 + Math.floor(next() * 150) : 390 + Math.floor(next() * 150);
    const at = new Date(start + day * 86_400_000 + minute * 60_000);
    const date = at.toISOString().slice(0, 10);
    const occurred = `${date}T${at.toISOString().slice(11, 19)}+08:00`;
    const employee = 1 + Math.floor(next() * options.employees);
    const count = Math.min(next() < 0.7 ? 1 : 2, options.lines - written);
    const dishes = Array.from({ length: count }, () => 1 + Math.floor(next() * options.dishes));
    const prices = dishes.map((dish) => 800 + ((dish - 1) % 20) * 100);
    const subsidy = 300;
    const total = prices.reduce((a, b) => a + b, 0);
    const id = `${canteen}-${++payments}`;
    for (let index = 0; index < count; index++) {
      buffer += `${id},${occurred},${date},88${String(employee).padStart(8, '0')},E${employee},${canteen},W${1 + (employee % 8)},${meal},${index + 1},D${String(dishes[index]).padStart(4, '0')},,1,${yuan(prices[index])},${yuan(prices[index])},${index === 0 ? yuan(subsidy) : '0.00'},${yuan(total - subsidy)},${yuan(subsidy)},card,sale,\n`;
    }
    written += count;
    if (payments % 200 === 0 && written < options.lines) {
      buffer += `R${id},${occurred},${date},88${String(employee).padStart(8, '0')},E${employee},${canteen},W1,${meal},1,D${String(dishes[0]).padStart(4, '0')},,-1,${yuan(prices[0])},-${yuan(prices[0])},0.00,-${yuan(prices[0])},0.00,card,refund,${id}\n`;
      written++;
      payments++;
    }
    if (buffer.length > 1_000_000) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return { lines: written, payments };
}
