import { parentPort, workerData } from 'node:worker_threads';
import { forecastMeals, MealForecastInput } from './meal-forecaster';

// The forecast of a whole run in a thread of its own (see forecastMealsOffThread): the inputs and
// results are plain data, copied across by structured clone.
const inputs = workerData as MealForecastInput[];
// Progress messages come first, then the results: { step: [done, total] } … { results }.
const results = forecastMeals(inputs, (done, total) => parentPort!.postMessage({ step: [done, total] }));
parentPort!.postMessage({ results });
