import { addDays, CHINA_CALENDAR_RANGE, IsoDate, parseIsoDate } from '@larder/domain';

export interface DemoOptions {
  /** Same options, same output, byte for byte. */
  seed?: number;
  canteens?: number;
  employees?: number;
  /** Days of history with sales, ending at endDate. */
  days?: number;
  /** Last day with sales. */
  endDate: IsoDate;
  /** Days after endDate that get menus, calendar and planned headcount but no facts. */
  futureDays?: number;
}

export interface ResolvedDemoOptions {
  seed: number;
  canteens: number;
  employees: number;
  days: number;
  endDate: IsoDate;
  futureDays: number;
  startDate: IsoDate;
  /** Last day of the planning horizon (endDate + futureDays). */
  horizonEnd: IsoDate;
}

export const MAX_DEMO_CANTEENS = 6;

export function resolveDemoOptions(options: DemoOptions): ResolvedDemoOptions {
  const seed = options.seed ?? 42;
  const canteens = options.canteens ?? 4;
  const employees = options.employees ?? 17_500;
  const days = options.days ?? 548;
  const futureDays = options.futureDays ?? 35;
  const endDate = parseIsoDate(options.endDate);
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (!Number.isInteger(canteens) || canteens < 1 || canteens > MAX_DEMO_CANTEENS) {
    throw new Error(`canteens must be 1..${MAX_DEMO_CANTEENS}, got ${canteens}`);
  }
  if (!Number.isInteger(employees) || employees < 50) throw new Error(`employees must be at least 50, got ${employees}`);
  if (!Number.isInteger(days) || days < 14) throw new Error(`days must be at least 14, got ${days}`);
  if (!Number.isInteger(futureDays) || futureDays < 0) throw new Error(`futureDays must be >= 0, got ${futureDays}`);
  const startDate = addDays(endDate, 1 - days);
  const horizonEnd = addDays(endDate, futureDays);
  if (startDate < CHINA_CALENDAR_RANGE.from || horizonEnd > CHINA_CALENDAR_RANGE.to) {
    throw new Error(`demo dates ${startDate}..${horizonEnd} fall outside the holiday calendar ${CHINA_CALENDAR_RANGE.from}..${CHINA_CALENDAR_RANGE.to}`);
  }
  return { seed, canteens, employees, days, endDate, futureDays, startDate, horizonEnd };
}
