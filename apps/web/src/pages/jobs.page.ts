import { api, ApiError } from '../api';
import { COLOURS } from '../charts';
import { h } from '../dom';
import { textOr } from '../i18n';
import type { PageContext } from '../page-context';
import { panelUrl } from '../url-state';
import { badge } from '../widgets';

/** The shape of GET /api/jobs (apps/api jobs controller). */
interface JobStepView { runId: string; stepNo: number; name: string; canteenId: number | null; startedAt: string; finishedAt: string | null; status: string; attempts: number; error: string | null }
interface JobRunView { id: string; name: string; trigger: string; startedAt: string; finishedAt: string | null; status: string; error: string | null; steps: JobStepView[] }
interface JobsResponse { jobs: { name: string; description: string; steps: string[] }[]; runs: JobRunView[] }

const seconds = (from: string, to: string | null) => (to ? (Date.parse(to) - Date.parse(from)) / 1000 : null);

export async function renderJobs(context: PageContext): Promise<void> {
  const { t, f, root } = context;
  const { runs } = await api.get<JobsResponse>(panelUrl(context.state));
  if (context.me.role === 'manager' || context.me.role === 'admin') root.append(runControls(context));
  // A job by its name in the page's language, with the name the `larder` command takes.
  const jobName = (name: string) => textOr(t, `jobName.${name}`, name);
  const tone = (status: string) => (status === 'succeeded' ? 'good' : status === 'failed' ? 'bad' : status === 'running' ? 'info' : 'muted');
  const latest = runs[0];
  if (latest) {
    const steps = latest.steps;
    context.chart(root, {
      id: 'job-steps', title: `${t('stepDurations')} · ${jobName(latest.name)} · ${f.dateTime(latest.startedAt)}`, height: Math.max(200, 40 + steps.length * 28),
      option: {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 40, top: 30, bottom: 16, containLabel: true },
        xAxis: { type: 'value', name: 's' },
        yAxis: { type: 'category', inverse: true, data: steps.map((step) => (step.canteenId === null ? step.name : `${step.name} · ${context.canteenName(step.canteenId)}`)) },
        series: [{ name: t('duration'), type: 'bar', data: steps.map((step) => ({ value: seconds(step.startedAt, step.finishedAt), itemStyle: { color: step.status === 'failed' ? COLOURS.bad : COLOURS.actual } })) }],
      },
    });
  }
  context.table(root, {
    id: 'job-runs', title: t('runs'), rows: runs,
    columns: [
      { label: t('job'), cell: (row) => (jobName(row.name) === row.name ? row.name : `${jobName(row.name)} (${row.name})`), csv: (row) => row.name },
      { label: t('trigger'), cell: (row) => textOr(t, `trigger.${row.trigger}`, row.trigger), csv: (row) => row.trigger },
      { label: t('status'), cell: (row) => badge(textOr(t, `job.${row.status}`, row.status), tone(row.status)), csv: (row) => row.status },
      { label: t('started'), cell: (row) => f.dateTime(row.startedAt), csv: (row) => row.startedAt },
      { label: t('duration'), cell: (row) => `${f.number(seconds(row.startedAt, row.finishedAt), 1)} s`, csv: (row) => seconds(row.startedAt, row.finishedAt), numeric: true },
      { label: t('steps'), cell: (row) => `${row.steps.filter((step) => step.status === 'succeeded').length}/${row.steps.length}`, numeric: true },
      { label: t('errorText'), cell: (row) => row.error ?? '' },
    ],
  });
  const failed = runs.flatMap((run) => run.steps.filter((step) => step.error !== null).map((step) => ({ run, step })));
  if (failed.length > 0) {
    context.table(root, {
      id: 'job-step-errors', title: `${t('steps')} · ${t('errorText')}`, rows: failed,
      columns: [
        { label: t('job'), cell: (row) => jobName(row.run.name), csv: (row) => row.run.name },
        { label: t('steps'), cell: (row) => row.step.name },
        { label: t('canteens'), cell: (row) => context.canteenName(row.step.canteenId) },
        { label: t('attempts'), cell: (row) => String(row.step.attempts), numeric: true },
        { label: t('errorText'), cell: (row) => row.step.error ?? '' },
      ],
    });
  }
  if (runs.length === 0) root.append(h('p', { class: 'muted' }, t('noData')));
}

/**
 * Starting the forecast or the nightly run from the page. Both answer when done (seconds to a
 * minute); meanwhile the newest job run's recorded steps and the time taken show how far it is.
 */
function runControls(context: PageContext): HTMLElement {
  const { t } = context;
  const status = h('span', { class: 'run-progress', role: 'status', 'data-run-progress': '' });
  const buttons: HTMLButtonElement[] = [];
  const start = (kind: string, call: () => Promise<unknown>) => async () => {
    for (const button of buttons) button.disabled = true;
    const started = Date.now();
    let done = false;
    const tick = async () => {
      if (done) return;
      const elapsed = t('elapsed', { s: Math.round((Date.now() - started) / 1000) });
      let steps = '';
      if (kind === 'nightly') {
        const latest = (await api.get<JobsResponse>('/api/jobs?limit=1').catch(() => null))?.runs[0];
        if (latest && latest.status === 'running' && Date.parse(latest.startedAt) >= started - 5000) {
          steps = ` · ${t('stepsDone', { done: latest.steps.filter((step) => step.status === 'succeeded').length, total: latest.steps.length })}`;
        }
      }
      if (!done) status.textContent = `${t('running')} ${elapsed}${steps}`;
      if (!done) setTimeout(() => void tick(), 1500);
    };
    void tick();
    try {
      await call();
      done = true;
      status.dataset.runProgress = 'done';
      context.go({});
    } catch (error) {
      done = true;
      status.dataset.runProgress = 'failed';
      status.textContent = `${t('runFailed')}: ${error instanceof ApiError ? error.message : String(error)}`;
      for (const button of buttons) button.disabled = false;
    }
  };
  buttons.push(
    h('button', { type: 'button', class: 'primary', 'data-action': 'run-forecast', onclick: () => void start('forecast', () => api.post('/api/forecasts/runs', {}))() }, t('runForecast')),
    h('button', { type: 'button', 'data-action': 'run-nightly', onclick: () => void start('nightly', () => api.post('/api/jobs/nightly/runs'))() }, t('runNightly')),
  );
  return h('div', { class: 'toolbar' }, ...buttons, status);
}
