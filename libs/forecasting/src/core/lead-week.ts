const WEEK_DAYS = 7;

/** The week of the horizon a forecast was made in: 0 for 1–7 days ahead, 1 for 8–14, and so on. */
export function leadWeekOf(lead: number): number {
  return Math.floor((lead - 1) / WEEK_DAYS);
}

/** The leads a week of the horizon holds (leadWeekOf's inverse): week 1 is 8–14 days ahead. */
export function leadWeekDays(week: number): { from: number; to: number } {
  return { from: WEEK_DAYS * week + 1, to: WEEK_DAYS * week + WEEK_DAYS };
}
