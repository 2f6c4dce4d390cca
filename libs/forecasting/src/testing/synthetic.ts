import seedrandom from 'seedrandom';
import { isoWeekday, parseIsoDate } from '../core/iso-date';

/** Seeded helpers shared by the specs (not part of the public API). */
export function randomSource(seed: string): { uniform: () => number; normal: () => number } {
  const random = seedrandom(seed);
  return {
    uniform: () => random(),
    // Box–Muller: one standard normal per call.
    normal: () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()),
  };
}

/** Epoch days from `from` on, keeping only the given ISO weekdays (default Mon–Fri) and skipping `closed`. */
export function serviceDays(options: { from: string; count: number; weekdays?: readonly number[]; closed?: readonly string[] }): number[] {
  const weekdays = options.weekdays ?? [0, 1, 2, 3, 4];
  const closed = new Set((options.closed ?? []).map(parseIsoDate));
  const days: number[] = [];
  for (let day = parseIsoDate(options.from); days.length < options.count; day++) {
    if (weekdays.includes(isoWeekday(day)) && !closed.has(day)) days.push(day);
  }
  return days;
}
