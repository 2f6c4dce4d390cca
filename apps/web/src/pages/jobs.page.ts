import { api } from '../api';
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
  const tone = (status: string) => (status === 'succeeded' ? 'good' : status === 'failed' ? 'bad' : status === 'running' ? 'info' : 'muted');
  const latest = runs[0];
  if (latest) {
    const steps = latest.steps;
    context.chart(root, {
      id: 'job-steps', title: `${t('stepDurations')} · ${latest.name} · ${f.dateTime(latest.startedAt)}`, height: Math.max(200, 40 + steps.length * 28),
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
      { label: t('job'), cell: (row) => row.name },
      { label: t('trigger'), cell: (row) => row.trigger },
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
        { label: t('job'), cell: (row) => row.run.name },
        { label: t('steps'), cell: (row) => row.step.name },
        { label: t('canteens'), cell: (row) => context.canteenName(row.step.canteenId) },
        { label: t('attempts'), cell: (row) => String(row.step.attempts), numeric: true },
        { label: t('errorText'), cell: (row) => row.step.error ?? '' },
      ],
    });
  }
  if (runs.length === 0) root.append(h('p', { class: 'muted' }, t('noData')));
}
