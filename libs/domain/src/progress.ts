/**
 * How far a long piece of work is, for whoever shows it (the CLI's progress bar, a health answer).
 * `done` of `total` units of the current step (rows, series, weeks); `fraction` is the share of the
 * whole work finished (0–1) when the work has several steps of different weight, else done / total.
 */
export interface ProgressUpdate {
  step: string;
  done: number;
  total: number;
  fraction?: number;
}

export type ProgressListener = (update: ProgressUpdate) => void;

/** The share of the whole work an update stands for, between 0 and 1. */
export function progressFraction(update: ProgressUpdate): number {
  const fraction = update.fraction ?? (update.total > 0 ? update.done / update.total : 0);
  return Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
}

/**
 * A listener for one step that is `[from, to]` of the whole work: the step's own done / total
 * becomes the whole work's fraction.
 */
export function progressSpan(listener: ProgressListener | undefined, from: number, to: number): ProgressListener | undefined {
  if (!listener) return undefined;
  return (update) => listener({ ...update, fraction: from + (to - from) * progressFraction(update) });
}
