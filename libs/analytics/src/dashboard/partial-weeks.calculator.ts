import { addDays, eachDate, isoWeek } from '@larder/domain';

/**
 * The ISO weeks of a period (Monday to Sunday) that the data covers only in part: the week the
 * data begins in, the week it ends in (the last service day before a Sunday), and weeks wholly
 * outside it. `days` is how many of the week's seven days lie within the data; such a week's
 * figures are drawn apart and never compared with whole weeks.
 */
export function partialWeeks(period: { from: string; to: string }, data: { first: string; last: string } | null): { week: string; days: number }[] {
  const partial: { week: string; days: number }[] = [];
  for (let monday = period.from; monday <= period.to; monday = addDays(monday, 7)) {
    let days = 0;
    if (data !== null) for (const date of eachDate(monday, addDays(monday, 6))) if (date >= data.first && date <= data.last) days++;
    if (days < 7) partial.push({ week: isoWeek(monday), days });
  }
  return partial;
}
