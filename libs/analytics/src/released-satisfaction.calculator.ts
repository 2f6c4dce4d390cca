import type { ReleasedCells } from './released-cells.calculator';
import { sumBy } from './released-cells.calculator';
import { emptyRatingCounts, MIN_GROUP_DINERS, publishRatings, RatingGroupCounts } from './satisfaction.calculator';
import type { SatisfactionResult, TagFigures } from './satisfaction.service';

const published = (counts: RatingGroupCounts | undefined) => publishRatings(counts ?? emptyRatingCounts(), { suppress: false });

/**
 * The satisfaction report's figures, each a sum of released cells (released-cells.calculator.ts)
 * as on the dashboard's panel: a canteen, dish, tag or week that no released cell speaks for is
 * suppressed or absent, never computed from what is left over.
 */
export function releasedSatisfactionResult(cells: ReleasedCells, canteenIds: number[]): SatisfactionResult {
  const total = sumBy(cells.parents, () => 'all').get('all');
  const byCanteen = sumBy(cells.parents, (cell) => String(cell.canteenId));
  const byDish = sumBy(
    cells.children.filter((child) => child.dishId !== 0),
    (child) => `${child.canteenId}|${child.dishId}`,
  );
  const byWeek = sumBy(cells.parents, (cell) => `${cell.week}|${cell.canteenId}`);
  const tagGroups = [...sumBy(cells.tags, (tag) => `all|${tag.tag}`), ...sumBy(cells.tags, (tag) => `${tag.canteenId}|${tag.tag}`)];
  const tags: TagFigures[] = tagGroups.map(([key, counts]) => {
    const [scope, tag] = [key.slice(0, key.indexOf('|')), key.slice(key.indexOf('|') + 1)];
    const base = scope === 'all' ? total : byCanteen.get(scope);
    return {
      canteenId: scope === 'all' ? null : Number(scope),
      tag,
      suppressed: false,
      mentions: counts.responses,
      shareOfResponses: base && base.responses > 0 ? counts.responses / base.responses : null,
      lowRatingShare: counts.dissatisfied / counts.responses,
    };
  });
  return {
    total: published(total),
    canteens: canteenIds.map((canteenId) => ({ canteenId, ...published(byCanteen.get(String(canteenId))) })),
    dishes: [...byDish]
      .map(([key, counts]) => {
        const [canteenId, dishId] = key.split('|').map(Number);
        return { canteenId, dishId, ...published(counts) };
      })
      .sort((a, b) => a.canteenId - b.canteenId || a.dishId - b.dishId),
    tags: tags.sort((a, b) => (a.canteenId ?? 0) - (b.canteenId ?? 0) || (b.mentions ?? 0) - (a.mentions ?? 0) || (a.tag < b.tag ? -1 : 1)),
    weeks: [...byWeek]
      .map(([key, counts]) => ({ week: key.split('|')[0], canteenId: Number(key.split('|')[1]), ...published(counts) }))
      .sort((a, b) => a.week.localeCompare(b.week) || a.canteenId - b.canteenId),
    minGroupDiners: MIN_GROUP_DINERS,
  };
}
