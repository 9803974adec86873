/**
 * The routes of the KPI pages (their kpis.json beside them). Apart from site/urls.ts, which browser
 * code bundles: a public build must not hold even the route's name.
 */
export const kpiRoutes = {
  portfolio: () => '/kpis/',
  domain: (id: string) => `/domains/${id}/kpis/`,
} as const;
