/**
 * A run of a frequent job (one with a `due()` check, such as the inbox scan) that succeeded with
 * every count of every step at zero did nothing: the history shows such runs collapsed. Rows left
 * by scans from before the check existed are the ones this finds. A year of five-minute scans
 * (105,120 runs) is sifted in about 0.1-0.2 s (a JSON path test; jsonb_each per count took 0.9 s).
 */
export const EMPTY_RUN = `
  run.name = ANY(:frequent) AND run.status = 'succeeded' AND NOT EXISTS (
    SELECT 1 FROM job_step step WHERE step.run_id = run.id AND step.counts @? '$.* ? (@ != 0)'
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
