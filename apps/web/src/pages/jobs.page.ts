import { errorNotice } from '../admin-widgets';
import { api } from '../api';
import { COLOURS } from '../charts';
import { h } from '../dom';
import type { PageContext } from '../page-context';
import { panelUrl } from '../url-state';
import { badge } from '../widgets';
import { runControls } from './job-run-controls';
import { runPanel } from './job-run-panel';
import { type EmptyRunsDay, jobName, runError, type JobRunView, type JobsResponse, runSeconds, statusName, statusTone, stepName, triggerName } from './job-runs';

/** A line of the runs table: a run (opened by a click), or a day's empty runs of a frequent job collapsed into one. */
type RunRow = { run: JobRunView; empty?: undefined; at: string } | { run?: undefined; empty: EmptyRunsDay; at: string };

export async function renderJobs(context: PageContext): Promise<void> {
  const { t, f, root, state } = context;
  const { runs, emptyRuns } = await api.get<JobsResponse>(panelUrl(state));
  const controls = runControls(context);
  if (controls) root.append(controls);
  if (state.run) {
    root.append(await runPanel(context, state.run).catch((error: unknown) => h('p', { class: 'form-message', role: 'alert', 'data-run-error': '' }, errorNotice(t, error))));
  } else if (runs[0]) {
    // The newest run that did something (empty scans are not in the list): its steps' durations.
    const latest = runs[0];
    context.chart(root, {
      id: 'job-steps',
      title: `${t('stepDurations')} · ${jobName(t, latest.name)} · ${f.dateTime(latest.startedAt)}`,
      height: Math.max(200, 40 + latest.steps.length * 28),
      option: {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        grid: { left: 8, right: 40, top: 30, bottom: 16, containLabel: true },
        xAxis: { type: 'value', name: 's' },
        yAxis: {
          type: 'category',
          inverse: true,
          data: latest.steps.map((step) => (step.canteenId === null ? stepName(t, step.name) : `${stepName(t, step.name)} · ${context.canteenName(step.canteenId)}`)),
        },
        series: [
          {
            name: t('duration'),
            type: 'bar',
            data: latest.steps.map((step) => ({ value: step.durationMs === null ? null : step.durationMs / 1000, itemStyle: { color: step.status === 'failed' ? COLOURS.bad : COLOURS.actual } })),
          },
        ],
      },
    });
  }
  const rows: RunRow[] = [...runs.map((run) => ({ run, at: run.startedAt })), ...emptyRuns.map((empty) => ({ empty, at: empty.lastAt }))];
  rows.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  context.table(root, {
    id: 'job-runs',
    title: `${t('runs')} · ${t('openRunHint')}`,
    rows,
    onRowClick: (row) => {
      if (row.run) context.go({ run: row.run.id });
    },
    columns: [
      { label: t('job'), cell: (row) => jobName(t, row.run?.name ?? row.empty!.name), csv: (row) => row.run?.name ?? row.empty!.name },
      { label: t('trigger'), cell: (row) => (row.run ? triggerName(t, row.run.trigger) : triggerName(t, 'schedule')), csv: (row) => row.run?.trigger ?? 'schedule' },
      {
        label: t('status'),
        cell: (row) => (row.run ? badge(statusName(t, row.run.status), statusTone(row.run.status)) : badge(t('emptyRuns', { n: row.empty.runs }), 'muted')),
        csv: (row) => row.run?.status ?? 'empty',
      },
      {
        label: t('started'),
        cell: (row) => (row.run ? f.dateTime(row.run.startedAt) : `${f.dateTime(row.empty.firstAt)} – ${f.dateTime(row.empty.lastAt)}`),
        csv: (row) => row.run?.startedAt ?? row.empty!.day,
      },
      { label: t('duration'), cell: (row) => (row.run ? `${f.number(runSeconds(row.run), 1)} s` : ''), csv: (row) => (row.run ? runSeconds(row.run) : null), numeric: true },
      { label: t('steps'), cell: (row) => (row.run ? `${row.run.steps.filter((step) => step.status === 'succeeded').length}/${row.run.steps.length}` : ''), numeric: true },
      { label: t('errorText'), cell: (row) => (row.run ? runError(t, row.run) : ''), csv: (row) => row.run?.error ?? '' },
    ],
  });
  const failed = runs.flatMap((run) => run.steps.filter((step) => step.error !== null).map((step) => ({ run, step })));
  if (failed.length > 0) {
    context.table(root, {
      id: 'job-step-errors',
      title: `${t('steps')} · ${t('errorText')}`,
      rows: failed,
      onRowClick: (row) => context.go({ run: row.run.id }),
      columns: [
        { label: t('job'), cell: (row) => jobName(t, row.run.name), csv: (row) => row.run.name },
        { label: t('steps'), cell: (row) => stepName(t, row.step.name), csv: (row) => row.step.name },
        { label: t('canteens'), cell: (row) => context.canteenName(row.step.canteenId) },
        { label: t('attempts'), cell: (row) => String(row.step.attempts), numeric: true },
        { label: t('errorText'), cell: (row) => row.step.error ?? '' },
      ],
    });
  }
  if (rows.length === 0) root.append(h('p', { class: 'muted' }, t('noData')));
}
