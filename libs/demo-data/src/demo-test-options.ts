import type { DemoOptions } from './demo-options';

/**
 * Small, pinned options for specs: 60 days ending 2026-03-31 cover the 2026 Spring Festival with its two
 * make-up Saturdays (02-14, 02-28), the start of the refurbishment closure and the subsidy change.
 */
export const SMALL_DEMO: DemoOptions = { seed: 7, canteens: 2, employees: 600, days: 60, endDate: '2026-03-31', futureDays: 14 };
