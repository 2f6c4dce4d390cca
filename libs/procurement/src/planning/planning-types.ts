import type { DishCategory, Fen, IngredientUnit, IsoDate, MealPeriod, StorageKind } from '@larder/domain';
import type { CoversHistory as CoversRow, DishSalesHistory, EstimateSlot as Slot, QuantileDistribution } from '@larder/forecasting';

/** dishId 0 in a demand forecast stands for covers (diners), as in the stored forecasts. */
export const COVERS_DISH_ID = 0;

/** The seasonal estimate's history and menu slots (@larder/forecasting) at Larder's meals. */
export type CoversHistory = CoversRow<MealPeriod>;
export type DishHistory = DishSalesHistory<MealPeriod>;
export type EstimateSlot = Slot<MealPeriod>;

export interface DishInfo {
  readonly id: number;
  readonly category: DishCategory;
  readonly listPriceFen: Fen;
  readonly portionKg: number;
}

export interface IngredientInfo {
  readonly id: number;
  readonly unit: IngredientUnit;
  readonly shelfLifeDays: number;
  readonly storage: StorageKind;
}

export interface RecipeLineInfo {
  readonly dishId: number;
  readonly ingredientId: number;
  /** Net quantity per served portion in the ingredient's unit. */
  readonly quantityPerPortion: number;
  /** Share lost between purchase and plate: gross = net / (1 − yieldLoss). */
  readonly yieldLoss: number;
}

export interface SupplierItemInfo {
  readonly id: number;
  readonly supplierId: number;
  readonly ingredientId: number;
  readonly packSize: number;
  readonly minOrderPacks: number;
  readonly leadTimeDays: number;
  /** ISO weekdays (1 = Monday) on which the supplier delivers. */
  readonly deliveryWeekdays: readonly number[];
  /** 'HH:MM' or 'HH:MM:SS', canteen-local: an order placed later counts as placed the next day. */
  readonly orderCutoff: string;
}

export interface SupplierPriceInfo {
  readonly supplierItemId: number;
  readonly validFrom: IsoDate;
  readonly packPriceFen: Fen;
}

/** A forecast of one canteen × day × meal × dish (dishId 0 = covers) as quantiles. */
export interface DemandForecast {
  readonly canteenId: number;
  readonly serviceDate: IsoDate;
  readonly meal: MealPeriod;
  readonly dishId: number;
  readonly distribution: QuantileDistribution;
}

/** The moment a plan is made: orders can only be placed from then on. */
export interface PlanningMoment {
  readonly date: IsoDate;
  /** Canteen-local time 'HH:MM'. */
  readonly time: string;
}

export function slotKey(slot: { canteenId: number; serviceDate: string; meal: string; dishId: number }): string {
  return `${slot.canteenId}|${slot.serviceDate}|${slot.meal}|${slot.dishId}`;
}
