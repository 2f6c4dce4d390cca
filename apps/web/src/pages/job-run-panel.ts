/** One job run opened on the Jobs page (`?run=`): its steps with durations, attempts, counts and errors. */
import { api } from '../api';
import { COLOURS } from '../charts';
import { h } from '../dom';
import { textOr } from '../i18n';
import type { PageContext } from '../page-context';
import { badge } from '../widgets';
import { jobName, runError, type JobRunView, runSeconds, statusName, statusTone, stepName, triggerName } from './job-runs';

export async function runPanel(context: PageContext, runId: string): Promise<HTMLElement> {
  const { t, f } = context;
  const run = await api.get<JobRunView>(`/api/jobs/runs/${runId}`);
  const label = (step: JobRunView['steps'][number]) => (step.canteenId === null ? stepName(t, step.name) : `${stepName(t, step.name)} · ${context.canteenName(step.canteenId)}`);
  const terms: [string, string][] = [
    [t('trigger'), triggerName(t, run.trigger)],
    [t('started'), f.dateTime(run.startedAt)],
    [t('finished'), f.dateTime(run.finishedAt)],
    [t('duration'), `${f.number(runSeconds(run), 1)} s`],
    [t('steps'), String(run.steps.length)],
  ];
  const panel = h(
    'section',
    { class: 'card', 'data-view': 'job-run', 'data-run-status': run.status },
    h('h3', {}, `${t('runDetail')} · ${jobName(t, run.name)} · ${f.dateTime(run.startedAt)} `, badge(statusName(t, run.status), statusTone(run.status))),
    h('dl', { class: 'terms' }, ...terms.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)])),
    run.status === 'failed' ? h('p', { class: 'form-message', role: 'alert', title: run.error ?? '' }, runError(t, run)) : null,
    h('div', { class: 'actions' }, h('button', { type: 'button', 'data-action': 'close-run', onclick: () => context.go({ run: null }) }, t('closeRun'))),
  );
  if (run.steps.length > 0) {
    context.chart(panel, {
      id: `job-steps-${run.id}`,
      title: `${t('stepDurations')} · ${jobName(t, run.name)}`,
      height: Math.max(200, 40 + run.steps.length * 28),
      option: {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 40, top: 30, bottom: 16, containLabel: true },
        xAxis: { type: 'value', name: 's' },
        yAxis: { type: 'category', inverse: true, data: run.steps.map(label) },
        series: [
          {
            name: t('duration'),
            type: 'bar',
            data: run.steps.map((step) => ({ value: step.durationMs === null ? null : step.durationMs / 1000, itemStyle: { color: step.status === 'failed' ? COLOURS.bad : COLOURS.actual } })),
          },
        ],
      },
    });
  }
  context.table(panel, {
    id: `job-run-steps-${run.id}`,
    title: t('steps'),
    rows: run.steps,
    columns: [
      { label: t('stepNo'), cell: (row) => String(row.stepNo), numeric: true },
      { label: t('steps'), cell: (row) => stepName(t, row.name), csv: (row) => row.name },
      { label: t('canteens'), cell: (row) => (row.canteenId === null ? '–' : context.canteenName(row.canteenId)) },
      { label: t('status'), cell: (row) => badge(statusName(t, row.status), statusTone(row.status)), csv: (row) => row.status },
      { label: t('started'), cell: (row) => f.dateTime(row.startedAt), csv: (row) => row.startedAt },
      {
        label: t('duration'),
        cell: (row) => (row.durationMs === null ? '–' : `${f.number(row.durationMs / 1000, 1)} s`),
        csv: (row) => (row.durationMs === null ? '' : row.durationMs / 1000),
        numeric: true,
      },
      { label: t('attempts'), cell: (row) => String(row.attempts), numeric: true },
      {
        label: t('counts'),
        cell: (row) =>
          Object.entries(row.counts)
            .map(([key, value]) => `${textOr(t, `count.${key}`, key)} ${f.number(value, 0)}`)
            .join(' · '),
        csv: (row) => JSON.stringify(row.counts),
      },
      { label: t('errorText'), cell: (row) => row.error ?? '' },
    ],
  });
  return panel;
}
