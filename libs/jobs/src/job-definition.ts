/** What one step reports back: counts that end up on the step's record (rows, forecasts, files...). */
export type StepCounts = Record<string, number>;

export interface StepContext {
  /** Set for steps that run once per canteen. */
  canteenId?: number;
  /** The local date the run works for (a nightly run at 02:00 works for the day before). */
  asOf: string;
}

export interface JobStepDefinition {
  name: string;
  /** A per-canteen step runs once for each canteen; one canteen failing does not stop the others. */
  perCanteen: boolean;
  /**
   * The step's service allows one call at a time per process (forecasting does): a worker taking
   * several steps at once runs these one after another. Other processes still run them in parallel.
   */
  onePerProcess?: boolean;
  run(context: StepContext): Promise<StepCounts>;
}

export interface JobDefinition {
  name: string;
  description: string;
  /** When set, every instance fires the job on this cron, in the canteens' time zone; otherwise it runs on demand only. */
  cron?: string;
  /**
   * Whether a scheduled firing has anything to do: when it answers false the firing is dropped
   * without a recorded run, so a frequent job that mostly finds nothing does not fill the history.
   */
  due?(): Promise<boolean>;
  steps: JobStepDefinition[];
}
