import type { MenuQuadrant } from '@larder/analytics';
import type { MealPeriod } from '@larder/domain';
import type { MenuFigures } from './menu-figures.calculator';
import type { MenuChangeKind } from './menu-proposal-types';
import type { MenuViolationRule } from './menu-rules';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

const RULE_REASON: Partial<Record<MenuViolationRule, (gap: number) => Bilingual>> = {
  banned: () => ({ zh: '已停用', en: 'banned' }),
  unavailable: () => ({ zh: '当天无法供应', en: 'not available that day' }),
  'wrong-meal': () => ({ zh: '不供应此餐', en: 'not made for this meal' }),
  repeat: (gap) => ({ zh: `${gap} 天内重复`, en: `repeated within ${gap} days` }),
  'over-budget': () => ({ zh: '超出补贴预算', en: 'over the subsidy budget' }),
  'category-mix': () => ({ zh: '不符合菜品搭配', en: 'outside the category mix' }),
};

const QUADRANT_LABEL: Record<MenuQuadrant, Bilingual> = {
  star: { zh: '是明星菜', en: 'a star' },
  plowhorse: { zh: '是畅销菜', en: 'a popular dish' },
  puzzle: { zh: '是高毛利潜力菜', en: 'profitable, worth pushing' },
  dog: { zh: '表现一般', en: 'an average performer' },
};

/** What the proposal has against a dish it takes off: the rules it breaks, then its weak figures. */
export function dropReasons(params: {
  figures: MenuFigures;
  dishId: number;
  meal: MealPeriod;
  /** Its share of the slot's portions and the share an equal split would give. */
  share: number;
  equalShare: number;
  broken: readonly MenuViolationRule[];
  repeatGapDays: number;
}): Bilingual[] {
  const { figures, dishId, meal } = params;
  const dish = figures.dish(dishId);
  const estimate = figures.estimate(dishId, meal);
  const reasons = params.broken.flatMap((rule) => RULE_REASON[rule]?.(params.repeatGapDays) ?? []);
  if (params.share < 0.7 * params.equalShare) reasons.push({ zh: '销量低', en: 'low sales' });
  if (estimate.wasteRate > figures.categoryWasteRate(dish.category)) reasons.push(wasteText(estimate.wasteRate));
  if (estimate.rating < figures.categoryMeanRating(dish.category)) reasons.push(starsText(estimate.rating));
  if (reasons.length === 0) reasons.push({ zh: '综合表现较弱', en: 'weaker overall' });
  return reasons;
}

/** Why the dish put in is better: its menu-engineering class, or its figures; a rarely served dish says so. */
export function pickLabel(figures: MenuFigures, dishId: number, meal: MealPeriod): Bilingual {
  const dish = figures.dish(dishId);
  const estimate = figures.estimate(dishId, meal);
  if (estimate.trust < 0.5) {
    return { zh: `供应较少（${estimate.servings} 次），按同类均值估计`, en: `rarely served (${estimate.servings} times), judged by its category's average` };
  }
  if (dish.quadrant && dish.quadrant !== 'dog') return QUADRANT_LABEL[dish.quadrant];
  const waste = wasteText(estimate.wasteRate);
  const stars = starsText(estimate.rating);
  return { zh: `${waste.zh}、${stars.zh}`, en: `${waste.en}, ${stars.en}` };
}

export function changeExplanation(kind: MenuChangeKind, from: { name: Bilingual; reasons: Bilingual[] } | null, to: { name: Bilingual; label: Bilingual } | null): Bilingual {
  const why = (reasons: Bilingual[]) => ({ zh: reasons.map((reason) => reason.zh).join('、'), en: reasons.map((reason) => reason.en).join(', ') });
  if (kind === 'replace' && from && to) {
    const reasons = why(from.reasons);
    return { zh: `将${from.name.zh}换成${to.name.zh}：${from.name.zh}${reasons.zh}；${to.name.zh}${to.label.zh}`, en: `replace ${from.name.en} — ${reasons.en} — with ${to.name.en}, ${to.label.en}` };
  }
  if (kind === 'add' && to) return { zh: `增加${to.name.zh}：${to.name.zh}${to.label.zh}`, en: `add ${to.name.en}, ${to.label.en}` };
  if (kind === 'remove' && from) {
    const reasons = why(from.reasons);
    return { zh: `撤下${from.name.zh}：${reasons.zh}`, en: `take off ${from.name.en} — ${reasons.en}` };
  }
  throw new Error(`menu: a ${kind} change needs its dishes`);
}

function wasteText(rate: number): Bilingual {
  const percent = Math.round(rate * 100);
  return { zh: `浪费 ${percent}%`, en: `${percent} % waste` };
}

function starsText(rating: number): Bilingual {
  return { zh: `${rating.toFixed(1)} 星`, en: `${rating.toFixed(1)} ★` };
}
