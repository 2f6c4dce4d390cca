import { parentPort, workerData } from 'node:worker_threads';
import { forecastMeals, MealForecastInput } from './meal-forecaster';

// The forecast of a whole run in a thread of its own (see forecastMealsOffThread): the inputs and
// results are plain data, copied across by structured clone.
const inputs = workerData as MealForecastInput[];
parentPort!.postMessage(forecastMeals(inputs));
