/** The shapes of GET /api/jobs and GET /api/jobs/runs/:id (apps/api jobs controller) and the words for them. */
import { textOr, type Translate } from '../i18n';

export interface JobStepView {
  runId: string;
  stepNo: number;
  name: string;
  canteenId: number | null;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  attempts: number;
  counts: Record<string, number>;
  error: string | null;
  durationMs: number | null;
}
export interface JobRunView {
  id: string;
  name: string;
  trigger: string;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  error: string | null;
  steps: JobStepView[];
}
export interface EmptyRunsDay {
  name: string;
  day: string;
  runs: number;
  firstAt: string;
  lastAt: string;
}
export interface JobsResponse {
  jobs: { name: string; description: string; steps: string[] }[];
  runs: JobRunView[];
  emptyRuns: EmptyRunsDay[];
}

export const jobName = (t: Translate, name: string) => textOr(t, `jobName.${name}`, name);
export const stepName = (t: Translate, name: string) => textOr(t, `step.${name}`, name);
export const triggerName = (t: Translate, trigger: string) => textOr(t, `trigger.${trigger}`, trigger);
export const statusName = (t: Translate, status: string) => textOr(t, `job.${status}`, status);
export const statusTone = (status: string) => (status === 'succeeded' ? 'good' : status === 'failed' ? 'bad' : status === 'running' ? 'info' : 'muted');

/** A run's seconds so far (to now while it runs). */
export const runSeconds = (run: { startedAt: string; finishedAt: string | null }, now = Date.now()) => ((run.finishedAt ? Date.parse(run.finishedAt) : now) - Date.parse(run.startedAt)) / 1000;

/** Why a run failed, in the page's language: its failed steps counted (each step's own error is in its row), else the run's own error. */
export function runError(t: Translate, run: JobRunView): string {
  const failed = run.steps.filter((step) => step.status === 'failed').length;
  if (failed > 0) return t('stepsFailed', { failed, total: run.steps.length });
  return run.error ?? '';
}
