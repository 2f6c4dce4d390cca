/**
 * The dish path of `larder forecast` (chooseDishPath) chosen at a bench refit origin from the record of
 * the last CHOICE_WINDOW_DAYS calendar days up to it, each day forecast from data dated ≤ day − lead:
 * pooled over the set's items, as the product does per canteen meal, or per item (measured, not used).
 */
import { chooseDishPath, DISH_PATHS, DishPath, PathRecord } from '../../../libs/demand/src/services/dish-path';

export { DISH_PATHS, DishPath };
export const CHOICE_WINDOW_DAYS = 56;

export interface ItemPathRecord extends PathRecord {
  readonly item: string;
  readonly day: number;
}

export interface PathChoice {
  readonly pooled: DishPath;
  readonly byItem: ReadonlyMap<string, DishPath>;
}

/** The choice at `origin` from the records of days origin − 55 … origin (all knowable at the origin). */
export function choosePaths(records: readonly ItemPathRecord[], origin: number): PathChoice {
  const window = records.filter((record) => record.day <= origin && record.day > origin - CHOICE_WINDOW_DAYS);
  const byItem = new Map<string, ItemPathRecord[]>();
  for (const record of window) {
    const rows = byItem.get(record.item);
    if (rows) rows.push(record);
    else byItem.set(record.item, [record]);
  }
  return { pooled: chooseDishPath(window), byItem: new Map([...byItem].map(([item, rows]) => [item, chooseDishPath(rows)])) };
}
