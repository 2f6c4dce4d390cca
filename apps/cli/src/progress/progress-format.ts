import { progressFraction, ProgressUpdate } from '@larder/domain';

const BAR_WIDTH = 24;

/** Seconds as a person reads a wait: "8 s", "3:05", "1:02:09". */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const [hours, minutes, rest] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
  const pad = (value: number) => String(value).padStart(2, '0');
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(rest)}` : `${minutes}:${pad(rest)}`;
}

/** Time left at the pace so far, or null while there is too little to judge by (under a second or 1 %). */
export function timeLeft(fraction: number, elapsedSeconds: number): number | null {
  if (fraction >= 1) return 0;
  if (fraction < 0.01 || elapsedSeconds < 1) return null;
  return (elapsedSeconds * (1 - fraction)) / fraction;
}

/** The whole percent of an update, rounded down so 100 % means finished. */
export function percentOf(update: ProgressUpdate): number {
  return Math.floor(progressFraction(update) * 100);
}

function stepText(update: ProgressUpdate): string {
  return update.total > 0 ? `${update.step} ${update.done}/${update.total}` : update.step;
}

/** One line for a log or a pipe: no control characters. */
export function plainLine(label: string, update: ProgressUpdate, leftSeconds: number | null): string {
  const left = leftSeconds === null || leftSeconds < 1 ? '' : `, about ${formatDuration(leftSeconds)} left`;
  return `${label}: ${percentOf(update)} % (${stepText(update)})${left}`;
}

/** The bar a terminal redraws in place: label, bar, percentage, time left, step; cut to the terminal's width. */
export function barLine(label: string, update: ProgressUpdate, leftSeconds: number | null, columns = 80): string {
  const fraction = progressFraction(update);
  const filled = Math.floor(fraction * BAR_WIDTH);
  const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
  const left = leftSeconds === null ? '--:-- left' : `${formatDuration(leftSeconds)} left`;
  const line = `${label} ${bar} ${String(percentOf(update)).padStart(3)} % ${left}  ${stepText(update)}`;
  return line.length > columns - 1 ? line.slice(0, Math.max(0, columns - 1)) : line;
}
