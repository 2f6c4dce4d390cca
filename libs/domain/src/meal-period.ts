export const MEAL_PERIODS = ['breakfast', 'lunch', 'dinner', 'night'] as const;
export type MealPeriod = (typeof MEAL_PERIODS)[number];

export function isMealPeriod(value: string): value is MealPeriod {
  return (MEAL_PERIODS as readonly string[]).includes(value);
}
