/** @larder/forecasting — pure forecasting for canteen covers and dishes (no Nest, no I/O). */
export { EpochDay, formatIsoDate, isoWeekday, parseIsoDate } from './core/iso-date';
export { leadWeekDays, leadWeekOf } from './core/lead-week';
export { countUpTo, createHorizon, createServiceSeries, DriverColumns, Horizon, horizonOf, SeriesInput, ServiceSeries, sliceSeries } from './core/service-series';
export { CalendarInput, CalendarPeriodInput, createCalendar, dayKind, DayKind, ServiceCalendar } from './core/service-calendar';
export { calibrateQuantiles, DEFAULT_LEVELS, mergeLevels, QuantileMap, quantileOfSorted } from './core/quantiles';

export { BaseForecastModel, Forecast, ForecastModel, PredictRequest } from './models/forecast-model';
export { SeasonalNaiveModel } from './models/seasonal-naive.model';
export { WindowModel, WindowModelOptions, WindowStatistic } from './models/window.model';
export { EtsModel } from './models/ets.model';
export { RegressionModel, RegressionModelOptions } from './models/regression.model';
export { IntermittentMethod, IntermittentModel } from './models/intermittent.model';
export { FallbackModel, FallbackModelOptions } from './models/fallback.model';
export { CalendarDaysModel, isCalendarDay } from './models/calendar-days.model';
export { CoversHistory, DishSalesHistory, ESTIMATE_LEVELS, EstimatedDemand, EstimateSlot, seasonalEstimate, SeasonalEstimateInput } from './models/seasonal-estimate.model';
export { createBareModel, createModel, MODEL_NAMES, ModelName, ModelOptions } from './models/model-factory';

export { bandShare, computeMetrics, ForecastMetrics, MetricsInput, pinballLoss, smape } from './evaluation/metrics';
export { DishHistory, lastServed, medianOfServings } from './evaluation/baselines';
export { CURVE_LEVELS, matchShortfall, MatchedShortfall, PlanCurveComparison, productionOutcome } from './evaluation/matched-shortfall';
export { backtestModel, BacktestBlock, crossValidation, CrossValidationInput, CrossValidationResult, planBacktest, testStartIndex } from './evaluation/backtest';
export { OnlineSelectionInput, OnlineSelectionResult, selectOnline } from './evaluation/online-selection';
export { evaluateSeries, SeriesEvaluation, SeriesEvaluationInput } from './evaluation/series-evaluation';
export { autoForecast, AutoForecastInput, AutoForecastResult, defaultCandidates } from './evaluation/auto-forecast';
export { evaluatePanel, PanelEvaluationInput } from './evaluation/panel-evaluation';
export { forecastPanel, PanelForecastInput, PanelForecastResult } from './evaluation/panel-forecast';
export { fitGbm, GbmModel, GbmOptions } from './learners/histogram-gbm';

export { DishInfo, DishShareFitConvergence, DishShareModel, DishShareModelOptions, DishShareRequest, MenuDayObservation } from './shares/dish-share.model';
export {
  distributionOfDay,
  expectedLeftover,
  expectedShortfall,
  expectedWaste,
  distributionFromStored,
  learnPlateWaste,
  PlateWasteLog,
  PlateWasteRates,
  quantileAt,
  QuantileDistribution,
  WasteEstimate,
  WasteEstimateInput,
} from './waste/waste-forecast';

export { CALENDAR_FILE_KINDS, calendarFromRows, CalendarFileKind, CalendarFileRow, parseCalendarCsv } from './command/calendar-csv';
export { COVERS_ITEM, parseLarderCsv, ParsedLarderCsv, ParsedSeries, SeriesKey } from './command/larder-csv';
export { BacktestCommandOptions, BacktestCommandResult, backtestWithSeries, PlanOutcome, runBacktestCommand, SeriesBacktest } from './command/backtest-command';
export { formatBacktestTable } from './command/backtest-table';
