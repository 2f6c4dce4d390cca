/**
 * Starting a run from the Jobs page: the forecast and the nightly run (managers for their own
 * canteens, admins), the scheduled reports (admins, as the API allows). Each call answers when the
 * run is done (seconds to a minute); meanwhile the run's recorded steps and the time taken show how
 * far it is, and the finished run opens with its steps.
 */
import { api } from '../api';
import { h } from '../dom';
import { formErrorText } from '../error-text';
import type { TextKey } from '../i18n';
import type { PageContext } from '../page-context';
import { type JobsResponse, stepName } from './job-runs';

interface RunChoice {
  action: string;
  label: TextKey;
  job: string | null;
  url: string;
  body?: object;
  roles: string[];
}

const CHOICES: RunChoice[] = [
  { action: 'run-forecast', label: 'runForecast', job: null, url: '/api/forecasts/runs', body: {}, roles: ['admin', 'manager'] },
  { action: 'run-nightly', label: 'runNightly', job: 'nightly', url: '/api/jobs/nightly/runs', roles: ['admin', 'manager'] },
  { action: 'run-finance-report', label: 'runFinanceReport', job: 'finance-report', url: '/api/jobs/finance-report/runs', roles: ['admin'] },
  { action: 'run-purchase-plan-report', label: 'runPurchasePlanReport', job: 'purchase-plan-report', url: '/api/jobs/purchase-plan-report/runs', roles: ['admin'] },
];

/** What a run answers: a job run its id; a forecast run (libs/demand ForecastRunSummary) its figures. */
interface RunAnswer {
  runId?: string | null;
  status?: string;
  asOf?: string;
  series?: number;
  forecasts?: number;
  failed?: unknown[];
  seconds?: number;
}

export function runControls(context: PageContext): HTMLElement | null {
  const { t } = context;
  const choices = CHOICES.filter((choice) => choice.roles.includes(context.me.role));
  if (choices.length === 0) return null;
  const status = h('span', { class: 'run-progress', role: 'status', 'data-run-progress': '' });
  const buttons: HTMLButtonElement[] = [];

  /** The recorded steps of the run this click started, once the server has begun it. */
  const progress = async (job: string, since: number): Promise<string> => {
    const runs = (await api.get<JobsResponse>('/api/jobs?limit=5').catch(() => null))?.runs ?? [];
    const run = runs.find((entry) => entry.name === job && entry.status === 'running' && Date.parse(entry.startedAt) >= since - 5000);
    if (!run) return '';
    const done = run.steps.filter((step) => step.status !== 'running').length;
    const current = run.steps.find((step) => step.status === 'running');
    return ` · ${t('stepsDone', { done, total: run.steps.length })}${current ? ` · ${t('currentStep', { step: stepName(t, current.name) })}` : ''}`;
  };

  const start = async (choice: RunChoice) => {
    for (const button of buttons) button.disabled = true;
    const started = Date.now();
    let done = false;
    status.dataset.runProgress = 'running';
    const tick = async () => {
      if (done) return;
      const steps = choice.job ? await progress(choice.job, started) : '';
      if (!done) status.textContent = `${t(choice.label)} · ${t('running')} ${t('elapsed', { s: Math.round((Date.now() - started) / 1000) })}${steps}`;
      if (!done) setTimeout(() => void tick(), 1500);
    };
    void tick();
    try {
      const summary = await api.post<RunAnswer>(choice.url, choice.body);
      done = true;
      if (choice.job === null) {
        // A forecast run is not a job run: the list below does not change, so the answer is said here.
        const failed = summary.status === 'failed';
        status.dataset.runProgress = failed ? 'failed' : 'done';
        const figures = {
          asOf: summary.asOf ?? '–',
          series: context.f.number(summary.series ?? 0),
          forecasts: context.f.number(summary.forecasts ?? 0),
          failed: context.f.number(summary.failed?.length ?? 0),
          s: context.f.number(summary.seconds ?? (Date.now() - started) / 1000, 1),
        };
        status.textContent = `${failed ? `${t('runFailed')}: ` : ''}${t('forecastDone', figures)}`;
        for (const button of buttons) button.disabled = false;
        return;
      }
      status.dataset.runProgress = 'done';
      context.go({ run: summary?.runId ? summary.runId : null });
    } catch (error) {
      done = true;
      status.dataset.runProgress = 'failed';
      // The buttons send no filters: a refusal reads as a form's, never as the page's "filters not valid".
      const text = formErrorText(t, error);
      status.textContent = `${t('runFailed')}: ${text.sentence} ${text.action}`;
      for (const button of buttons) button.disabled = false;
    }
  };
  for (const choice of choices) {
    buttons.push(h('button', { type: 'button', class: choice.job === null ? 'primary' : '', 'data-action': choice.action, onclick: () => void start(choice) }, t(choice.label)));
  }
  return h('div', { class: 'toolbar' }, ...buttons, status);
}
