import { addDays, isoWeekday } from '@larder/domain';
import { emptyRatingCounts, MIN_GROUP_DINERS, RatingGroupCounts } from './satisfaction.calculator';

/**
 * Suppression that survives differencing. Answers for the union are never computed on the range
 * asked for: they are sums of fixed cells — one canteen, one meal, one whole ISO week that has
 * ended — and a cell enters a sum only when it is released. Two answers then differ by whole
 * released cells at most, whichever ranges, canteens or meals are compared, and a suppressed cell
 * never enters any answer, so nothing about it can be worked out. Within a released cell the
 * dishes (and the answers about no dish) are child cells, released at five diners, with
 * complementary suppression: if the suppressed children together hold fewer than five diners,
 * the smallest released child is suppressed too, so cell minus released children never isolates
 * a group under five. A tag's group in a cell is released only when both it and the rest of the
 * cell hold five diners or more (or the rest is empty).
 */

/** The whole ISO weeks an answer covers: those overlapping [from, to] that ended before `today`. */
export function releasedWeeks(range: { from: string; to: string }, today: string): { from: string; to: string } | null {
  const from = addDays(range.from, 1 - isoWeekday(range.from));
  const lastSunday = addDays(today, -isoWeekday(today));
  const requestedEnd = addDays(range.to, 7 - isoWeekday(range.to));
  const to = requestedEnd < lastSunday ? requestedEnd : lastSunday;
  return to < from ? null : { from, to };
}

export interface CellCounts extends RatingGroupCounts {
  canteenId: number;
  meal: string;
  /** ISO week label, 2026-W44. */
  week: string;
}

export interface ChildCounts extends CellCounts {
  /** 0 for answers about no dish. */
  dishId: number;
}

export interface TagCounts extends CellCounts {
  tag: string;
  /** Distinct diners of the cell whose answers do not carry the tag. */
  others: number;
}

const cellKey = (cell: { canteenId: number; meal: string; week: string }) => `${cell.canteenId}|${cell.meal}|${cell.week}`;

export interface ReleasedCells {
  parents: CellCounts[];
  children: ChildCounts[];
  tags: TagCounts[];
}

/**
 * Which cells may enter an answer. `smallChildDiners`: per cell, the distinct diners of its
 * children under the threshold (their union, counted in the database).
 */
export function releaseCells(input: { parents: CellCounts[]; children: ChildCounts[]; tags: TagCounts[]; smallChildDiners: Map<string, number> }, threshold = MIN_GROUP_DINERS): ReleasedCells {
  const parents = input.parents.filter((cell) => cell.respondents >= threshold && cell.responses > 0);
  const released = new Set(parents.map(cellKey));
  const childrenByCell = new Map<string, ChildCounts[]>();
  for (const child of input.children) {
    const key = cellKey(child);
    if (!released.has(key)) continue;
    const list = childrenByCell.get(key) ?? [];
    list.push(child);
    childrenByCell.set(key, list);
  }
  const children: ChildCounts[] = [];
  for (const [key, list] of childrenByCell) {
    const kept = list.filter((child) => child.respondents >= threshold).sort((a, b) => a.respondents - b.respondents || a.dishId - b.dishId);
    const hidden = input.smallChildDiners.get(key) ?? 0;
    // cell minus its released children is the union of the hidden ones: it must hold five diners or none
    if (hidden > 0 && hidden < threshold) kept.shift();
    children.push(...kept);
  }
  const tags = input.tags.filter((tag) => released.has(cellKey(tag)) && tag.respondents >= threshold && (tag.others === 0 || tag.others >= threshold));
  return { parents, children, tags };
}

export function addCounts(into: RatingGroupCounts, cell: RatingGroupCounts): RatingGroupCounts {
  into.responses += cell.responses;
  // diners of different cells are counted apart: a figure's threshold was checked per cell
  into.respondents += cell.respondents;
  into.ratingSum += cell.ratingSum;
  into.satisfied += cell.satisfied;
  into.dissatisfied += cell.dissatisfied;
  return into;
}

/** Released cells summed by what a figure is about (a canteen, a week, a dish, a tag). */
export function sumBy<T extends RatingGroupCounts>(cells: T[], key: (cell: T) => string): Map<string, RatingGroupCounts> {
  const sums = new Map<string, RatingGroupCounts>();
  for (const cell of cells) {
    const name = key(cell);
    sums.set(name, addCounts(sums.get(name) ?? emptyRatingCounts(), cell));
  }
  return sums;
}
