import seedrandom from 'seedrandom';
import { createHorizon, createServiceSeries, Horizon, isoWeekday, parseIsoDate, ServiceSeries } from '@larder/forecasting';

/** Two years of history starting here; the forecast horizon follows it. */
const HISTORY_START = parseIsoDate('2024-11-25');
const HISTORY_CALENDAR_DAYS = 730;
const HORIZON_SERVICE_DAYS = 28;
/** A few fixed closures (holidays) so that series have gaps, as real canteens do. */
const CLOSED_OFFSETS = new Set([36, 37, 38, 130, 131, 132, 133, 134, 310, 311, 401, 402, 403, 495, 496, 497, 498, 499, 675, 676]);

export interface SyntheticCase {
  readonly series: ServiceSeries;
  readonly horizon: Horizon;
}

/**
 * Deterministic synthetic canteen series number `index`: 70 % covers/dish series with a weekly
 * profile, drift and a staff-on-duty driver (some also serve Saturdays), 30 % rarely sold dishes.
 */
export function syntheticCase(seed: string, index: number): SyntheticCase {
  const random = seedrandom(`${seed}:${index}`);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const intermittent = random() < 0.3;
  const weekdays = random() < 0.2 ? 6 : 5;
  const level = intermittent ? 0.2 + random() * 1.5 : 30 + random() * 1500;
  const profile = Array.from({ length: 7 }, () => 0.8 + 0.4 * random());
  const drift = (random() - 0.5) * 0.4; // relative change over the two years
  const staffEffect = random() * 0.6;

  const dates: number[] = [];
  const values: number[] = [];
  const staff: number[] = [];
  const futureDates: number[] = [];
  const futureStaff: number[] = [];
  for (let offset = 0; futureDates.length < HORIZON_SERVICE_DAYS; offset++) {
    const day = HISTORY_START + offset;
    if (isoWeekday(day) >= weekdays || CLOSED_OFFSETS.has(offset % 730)) continue;
    const onDuty = 1 + 0.1 * normal();
    if (offset >= HISTORY_CALENDAR_DAYS) {
      futureDates.push(day);
      futureStaff.push(onDuty);
      continue;
    }
    const mean = level * profile[isoWeekday(day)] * (1 + (drift * offset) / HISTORY_CALENDAR_DAYS) * (1 + staffEffect * (onDuty - 1));
    const value = intermittent ? poisson(mean, random) : Math.max(0, Math.round(mean * (1 + 0.08 * normal())));
    dates.push(day);
    values.push(value);
    staff.push(onDuty);
  }
  const drivers = intermittent ? undefined : { staff_on_duty: staff };
  return {
    series: createServiceSeries({ dates, values, drivers }),
    horizon: createHorizon(futureDates, intermittent ? undefined : { staff_on_duty: futureStaff }),
  };
}

function poisson(mean: number, random: () => number): number {
  const limit = Math.exp(-mean);
  let count = 0;
  for (let product = random(); product > limit; product *= random()) count++;
  return count;
}
