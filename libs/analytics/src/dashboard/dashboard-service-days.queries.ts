import type { DayKind } from '@larder/domain';

/**
 * What each canteen ($1) is known to do on each day from $2 to $3: the calendar's kind of the day
 * (null without a row), whether it opens weekends, the closure over the day (its reason) and, with
 * `menus`, whether it has a menu (at meal $4) — the facts of `dayService`. Without `menus` no menu
 * is read (has_menu false, $4 unused): a range's closed days do not depend on them, and reading a
 * year's menus of 40 canteens took 70-95 ms where the rest takes a few.
 */
export const serviceDaysSql = (menus: boolean) => `WITH days AS (SELECT $2::date + i AS day FROM generate_series(0, $3::date - $2::date) AS i)${
  menus
    ? `,
     menus AS (SELECT DISTINCT canteen_id, service_date FROM menu_item
               WHERE canteen_id = ANY($1::int[]) AND service_date BETWEEN $2::date AND $3::date AND ($4::text IS NULL OR meal = $4))`
    : ''
}
SELECT c.id AS canteen_id, d.day::text AS day, c.opens_weekends, cd.kind, cd.holiday_name, cd.holiday_name_zh,
       (SELECT cc.reason FROM canteen_closure cc WHERE cc.canteen_id = c.id AND d.day BETWEEN cc.from_date AND cc.to_date ORDER BY cc.from_date LIMIT 1) AS closure,
       ${menus ? 'm.canteen_id IS NOT NULL' : 'false'} AS has_menu
FROM canteen c CROSS JOIN days d
LEFT JOIN calendar_day cd ON cd.day = d.day
${menus ? 'LEFT JOIN menus m ON m.canteen_id = c.id AND m.service_date = d.day' : ''}
WHERE c.id = ANY($1::int[])
ORDER BY 2, 1`;

export interface ServiceDayRow {
  canteen_id: number;
  day: string;
  opens_weekends: boolean;
  kind: DayKind | null;
  holiday_name: string | null;
  holiday_name_zh: string | null;
  closure: string | null;
  has_menu: boolean;
}
