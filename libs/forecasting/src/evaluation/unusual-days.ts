import { EpochDay } from '../core/iso-date';
import { ServiceCalendar } from '../core/service-calendar';
import { countUpTo } from '../core/service-series';
import { BREAK_GAP } from '../global/panel-features';

/** Calendar days on either side of a break (the last days before it, the first days back) that count as unusual. */
const BREAK_SIDE_DAYS = 7;
/**
 * The service days whose demand does not behave like the weeks around them (1) and the ordinary
 * ones (0): days inside a calendar period (a closure, a school holiday, an event) and the week
 * before and after a break in service (a gap of BREAK_GAP days or more, such as a semester break).
 * The service days and the calendar are known ahead, so a day's class is known at any origin.
 * Conformal bands are calibrated per class: the large errors of a semester break and of the first
 * week back say nothing about how far an ordinary Tuesday's forecast misses. Single holidays stay
 * ordinary: the calendar regression forecasts them, and a class of a few holidays a year would
 * calibrate them on too few errors.
 * The days marked in `thinlyInformed` (see thinlyInformedDays) are unusual too.
 */
export function unusualDays(days: Int32Array, calendar?: ServiceCalendar, thinlyInformed?: Uint8Array): Uint8Array {
  const unusual = new Uint8Array(days.length);
  if (days.length === 0) return unusual;
  // The days are ascending: the week before a break ends at i − 1, the week after it starts at i.
  for (let i = 1; i < days.length; i++) {
    if (days[i] - days[i - 1] < BREAK_GAP) continue;
    for (let j = i - 1; j >= 0 && days[i - 1] - days[j] < BREAK_SIDE_DAYS; j--) unusual[j] = 1;
    for (let j = i; j < days.length && days[j] - days[i] < BREAK_SIDE_DAYS; j++) unusual[j] = 1;
  }
  thinlyInformed?.forEach((flag, i) => (unusual[i] |= flag));
  if (!calendar) return unusual;
  days.forEach((day, i) => {
    if (calendar.periods.some((period) => day >= period.from && day <= period.to)) unusual[i] = 1;
  });
  return unusual;
}

/** A forecast that knew fewer service days than INFORMED_DAYS in the RECENT_DAYS calendar days up to its origin is thinly informed. */
const INFORMED_DAYS = 15;
const RECENT_DAYS = 42;

/**
 * 1 on the days whose forecast (made at `originOf(i)`) knew fewer than INFORMED_DAYS service days of
 * the RECENT_DAYS before its origin: a new series' first weeks, and the weeks after a long break
 * whose forecasts were made from an origin in it or just after it (term time forecast from the end
 * of the last term). A short break (a holiday week) leaves the weeks before it in view. Their errors
 * are a model's without its data: they neither calibrate an ordinary day's band nor say which
 * model forecasts ordinary days best.
 */
export function thinlyInformedDays(days: Int32Array, originOf: (i: number) => EpochDay): Uint8Array {
  const thin = new Uint8Array(days.length);
  // Origins rise with the days in every caller: two cursors sweep once (a falling origin searches afresh).
  let known = 0;
  let dropped = 0;
  let previous = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < days.length; i++) {
    const origin = originOf(i);
    if (origin < previous) {
      known = countUpTo(days, origin);
      dropped = countUpTo(days, origin - RECENT_DAYS);
    }
    while (known < days.length && days[known] <= origin) known++;
    while (dropped < known && days[dropped] <= origin - RECENT_DAYS) dropped++;
    previous = origin;
    thin[i] = known - dropped < INFORMED_DAYS ? 1 : 0;
  }
  return thin;
}

/**
 * The flags of the days whose errors are left out when models are judged on `thinlyInformed`'s days:
 * the thinly informed ones while any day is informed; none (undefined) when every day is thin.
 */
export function skippedWhenJudging(thinlyInformed: Uint8Array | undefined): Uint8Array | undefined {
  return thinlyInformed && thinlyInformed.includes(0) ? thinlyInformed : undefined;
}
