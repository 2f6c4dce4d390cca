/**
 * A run of a frequent job (one with a `due()` check, such as the inbox scan) that succeeded with
 * every count of every step at zero did nothing: the history shows such runs collapsed. Rows left
 * by scans from before the check existed are the ones this finds.
 */
export const EMPTY_RUN = `
  run.name = ANY(:frequent) AND run.status = 'succeeded' AND NOT EXISTS (
    SELECT 1 FROM job_step step CROSS JOIN LATERAL jsonb_each(step.counts) entry
    WHERE step.run_id = run.id AND jsonb_typeof(entry.value) = 'number' AND (entry.value)::numeric <> 0
  )`;

/** Empty runs counted per job and local day, newest days first. */
export const EMPTY_RUNS_BY_DAY = `
  SELECT run.name AS name, to_char(run.started_at AT TIME ZONE $2, 'YYYY-MM-DD') AS day,
         count(*)::int AS runs, min(run.started_at) AS "firstAt", max(run.started_at) AS "lastAt"
  FROM job_run run
  WHERE ${EMPTY_RUN.replace(':frequent', '$1')}
  GROUP BY 1, 2
  ORDER BY 2 DESC, 1
  LIMIT $3`;
