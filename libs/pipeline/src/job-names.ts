/** The jobs the pipeline defines, by the names their runs are stored and started under. */
export const NIGHTLY_JOB = 'nightly';
export const FINANCE_REPORT_JOB = 'finance-report';
export const PURCHASE_PLAN_REPORT_JOB = 'purchase-plan-report';
export const INBOX_JOB = 'inbox';
export const DELIVERY_JOB = 'deliveries';
