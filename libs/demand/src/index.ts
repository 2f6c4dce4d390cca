/** @larder/demand — stored covers and dish forecasts: refresh runs and reads (Nest feature library). */
export { DemandModule } from './demand.module';
export { ForecastRunService, MAX_HORIZON_DAYS } from './services/forecast-run.service';
export { ForecastQueryService } from './services/forecast-query.service';
export { CanteenRef, DemandHistoryService, DRIVERS } from './services/demand-history.service';
export { EXTRA_LEVELS, forecastMeal, forecastMeals, MealForecastInput, MealForecastResult, QuantityForecast, RUN_BACKTEST } from './services/meal-forecaster';
export { DishDay, dishQuantiles } from './services/dish-split';
export { BacktestSummary, BaselineSummary, FailedSeries, ForecastRunInfo, ForecastRunRequest, ForecastRunSummary } from './dtos/forecast-run.dto';
export { ForecastListing, ForecastQuery, ForecastView, parseForecastQuery, parseRunsQuery, RunsQuery } from './dtos/forecast-query.dto';
export { currentForecastRuns, CurrentRun, CurrentRunScope, forecastAtEachLeadSql, latestForecastBeforeDaySql, RUN_PRECEDENCE } from './current-forecast.queries';
export { supersedeForecasts } from './services/forecast-supersede';
export { forecastMealsOffThread } from './services/forecast-off-thread';
