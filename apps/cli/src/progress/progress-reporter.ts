import type { ProgressListener, ProgressUpdate } from '@larder/domain';
import { barLine, formatDuration, percentOf, plainLine, timeLeft } from './progress-format';

/** Where progress goes: stderr, so the result (and --json) on stdout stays clean. */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressReporterOptions {
  output?: ProgressOutput;
  /** false: report nothing (--no-progress). */
  enabled?: boolean;
  /** Milliseconds since some fixed moment (tests pass their own clock). */
  now?: () => number;
}

/** A terminal's bar is redrawn at most this often. */
const REDRAW_MS = 100;

/**
 * Shows a long command's progress on stderr: on a terminal a bar redrawn in place with percentage and
 * time left; otherwise (CI, a pipe, a log) plain lines, one per step and per 10 %.
 */
export class ProgressReporter {
  readonly listener: ProgressListener;
  private readonly output: ProgressOutput;
  private readonly now: () => number;
  private readonly started: number;
  private last?: ProgressUpdate;
  private lastStep?: string;
  private lastDecade = -1;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(
    private readonly label: string,
    options: ProgressReporterOptions = {},
  ) {
    this.output = options.output ?? process.stderr;
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    this.listener = options.enabled === false ? () => undefined : (update) => this.update(update);
  }

  private get tty(): boolean {
    return this.output.isTTY === true;
  }

  /** A terminal that does not say its width (0 or unknown) gets 80 columns. */
  private columns(): number {
    return this.output.columns || 80;
  }

  private elapsedSeconds(): number {
    return (this.now() - this.started) / 1000;
  }

  update(update: ProgressUpdate): void {
    this.last = update;
    const percent = percentOf(update);
    const left = timeLeft(percent / 100, this.elapsedSeconds());
    const stepChanged = update.step !== this.lastStep;
    this.lastStep = update.step;
    if (this.tty) {
      if (!stepChanged && this.now() - this.lastDraw < REDRAW_MS) return;
      this.lastDraw = this.now();
      this.output.write(`\r${barLine(this.label, update, left, this.columns())}\x1b[K`);
      this.drawn = true;
      return;
    }
    const decade = Math.floor(percent / 10);
    if (!stepChanged && decade <= this.lastDecade) return;
    this.lastDecade = Math.max(this.lastDecade, decade);
    this.output.write(plainLine(this.label, update, left) + '\n');
    this.drawn = true;
  }

  /** Clears a terminal's bar so another line can be printed; the next update draws it again. */
  clear(): void {
    if (this.tty && this.drawn) this.output.write('\r\x1b[K');
    this.lastDraw = Number.NEGATIVE_INFINITY;
  }

  /** The work is over: the bar's line is ended, and a pipe is told how long it took. */
  finish(outcome: 'done' | 'failed' = 'done'): void {
    if (!this.drawn) return;
    const took = formatDuration(this.elapsedSeconds());
    if (this.tty) {
      if (outcome === 'done' && this.last) this.output.write(`\r${barLine(this.label, { ...this.last, fraction: 1 }, 0, this.columns())}\x1b[K`);
      this.output.write('\n');
    } else {
      this.output.write(`${this.label}: ${outcome === 'done' ? `100 % done in ${took}` : `failed after ${took}`}\n`);
    }
    this.drawn = false;
  }

  /** Runs the work with this reporter's listener and ends the bar whichever way it goes. */
  async around<T>(work: (listener: ProgressListener) => Promise<T> | T): Promise<T> {
    try {
      const result = await work(this.listener);
      this.finish('done');
      return result;
    } catch (error) {
      this.finish('failed');
      throw error;
    }
  }
}

/** `--no-progress` on a long command: nothing on stderr but errors. */
export function withProgressOption<C extends { option(flags: string, description: string): C }>(command: C): C {
  return command.option('--no-progress', 'do not show progress on stderr');
}

/** The reporter for a command's flags (`--no-progress` turns it off). */
export function progressFor(label: string, flags: { progress?: boolean }): ProgressReporter {
  return new ProgressReporter(label, { enabled: flags.progress !== false });
}
