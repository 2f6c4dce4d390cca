/** The week of the horizon a forecast was made in: 0 for 1–7 days ahead, 1 for 8–14, and so on. */
export function leadWeekOf(lead: number): number {
  return Math.floor((lead - 1) / 7);
}
