// The one file the page shares with the API: the panel shapes and who sees which page.
export * from '../../../libs/analytics/src/dashboard/dashboard.contract';
