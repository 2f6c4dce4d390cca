import { subsidyInForceFen } from '@larder/domain';
import { buildCatalogue, Catalogue } from './catalogue/catalogue';
import { buildSupplierCatalogue, buildSuppliers } from './catalogue/suppliers.catalogue';
import type { DemoOptions, ResolvedDemoOptions } from './demo-options';
import { resolveDemoOptions } from './demo-options';
import type {
  CalendarDayRow,
  CanteenClosureRow,
  CanteenRow,
  DishRow,
  IngredientRow,
  MealPeriodRow,
  RecipeLineRow,
  SiteRow,
  SubsidyRuleRow,
  SupplierItemRow,
  SupplierPriceRow,
  SupplierRow,
} from './demo-rows';
import { buildOrganisation, Organisation } from './organisation';
import { Random } from './random';
import { buildServiceCalendar, ServiceCalendar } from './service-calendar';

export interface DemoMasterData {
  sites: SiteRow[];
  canteens: CanteenRow[];
  mealPeriods: MealPeriodRow[];
  dishes: DishRow[];
  ingredients: IngredientRow[];
  recipeLines: RecipeLineRow[];
  suppliers: SupplierRow[];
  supplierItems: SupplierItemRow[];
  supplierPrices: SupplierPriceRow[];
  subsidyRules: SubsidyRuleRow[];
  /** Every day from the first day of history to the end of the planning horizon. */
  calendarDays: CalendarDayRow[];
  closures: CanteenClosureRow[];
}

/** Everything the day stream needs besides the rows: models with typed arrays and specs. */
export interface DemoWorld {
  options: ResolvedDemoOptions;
  masters: DemoMasterData;
  organisation: Organisation;
  catalogue: Catalogue;
  calendar: ServiceCalendar;
}

export function buildDemoWorld(input: DemoOptions): DemoWorld {
  const options = resolveDemoOptions(input);
  const organisation = buildOrganisation({
    canteens: options.canteens,
    employees: options.employees,
    random: new Random(options.seed, 'staff'),
  });
  const catalogue = buildCatalogue({ startDate: options.startDate, days: options.days });
  const calendar = buildServiceCalendar({
    startDate: options.startDate,
    days: options.days,
    horizonEnd: options.horizonEnd,
    canteens: organisation.canteens,
  });
  // The menu board shows what an employee pays for the dish alone under the subsidy in force at the end.
  catalogue.dishes.forEach((dish, index) => {
    const meal = catalogue.dishSpecs[index].meals[0];
    const subsidy = subsidyInForceFen(calendar.subsidyRules, meal, options.endDate);
    dish.subsidisedPriceFen = Math.max(0, dish.listPriceFen - subsidy);
  });
  const supplierCatalogue = buildSupplierCatalogue({
    ingredients: catalogue.ingredients,
    specs: catalogue.ingredientSpecs,
    from: options.startDate,
    to: options.endDate,
    random: new Random(options.seed, 'suppliers'),
  });
  const masters: DemoMasterData = {
    sites: organisation.sites.map((site) => site.row),
    canteens: organisation.canteens.map((canteen) => canteen.row),
    mealPeriods: organisation.mealPeriods,
    dishes: catalogue.dishes,
    ingredients: catalogue.ingredients,
    recipeLines: catalogue.recipeLines,
    suppliers: buildSuppliers(),
    supplierItems: supplierCatalogue.items,
    supplierPrices: supplierCatalogue.prices,
    subsidyRules: calendar.subsidyRules,
    calendarDays: calendar.rows,
    closures: calendar.closures,
  };
  return { options, masters, organisation, catalogue, calendar };
}
