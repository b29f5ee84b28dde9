// Which message namespaces the browser receives where (ADR 0032). The whole catalogue is ~150 KB of English; sent
// with every page it would more than double a page's size. The root layout sends what the frame of every page needs
// (header, bell, footer, shared tables and forms, domain labels); each area's layout adds its own families, by
// namespace prefix. A unit test (tests/unit/i18n-scopes.test.ts) follows every area's imports and fails when a
// component there asks for a namespace its area does not send.
import { CLIENT_NAMESPACES } from "./client-namespaces";

/** Namespace prefixes every page sends. */
export const EVERYWHERE = ["Shell", "Ui", "Errors", "Live", "NoticesBell", "Search", "Labels"] as const;

/**
 * Each area (a layout under src/app) and the namespace prefixes (or whole names) it adds: no more than its components
 * ask for, since every page of the area carries them. The case list's provider also wraps a case's pages, so it stays
 * narrow: the list itself needs two namespaces, a case's pages bring their own.
 */
export const AREA_FAMILIES = {
  home: [],
  tasks: ["CaseStatus", "LorAging", "SdrTasks"],
  lors: ["Lor"],
  cases: ["CaseStatus", "CaseWaitingOn"],
  case: ["Case", "Lor", "Loa", "Exec", "Finance", "Closure", "Sdr", "Builder", "Insight", "Pricing"],
  search: [],
  notifications: ["Notices", "CaseEvents", "ExecEvents", "CaseOpened"],
  audit: [],
  admin: ["Admin", "Policy", "InsightOffice"],
  dashboard: ["Insight"],
  pricing: ["Pricing", "Loa"],
  profile: ["Profile", "Notices"],
  webhooks: ["Webhooks", "NoticesKinds"],
  organizations: ["Org"],
  signin: ["SignIn"],
} as const satisfies Record<string, readonly string[]>;
export type Area = keyof typeof AREA_FAMILIES;

const byPrefix = (prefixes: readonly string[]) => CLIENT_NAMESPACES.filter((ns) => prefixes.some((prefix) => ns.startsWith(prefix)));

/** The namespaces sent to the browser on every page. */
export const everywhereNamespaces = (): string[] => byPrefix(EVERYWHERE);

/** The namespaces sent on an area's pages: every page's and the area's own. */
export const areaNamespaces = (area: Area): string[] => byPrefix([...EVERYWHERE, ...AREA_FAMILIES[area]]);
