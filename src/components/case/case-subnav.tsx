import Link from "next/link";
import { CaseLiveWatcher } from "../live/case-live-watcher";
import type { ReactNode } from "react";
import type { CaseStatus } from "@/domain/workflow/states";
import { PageHeader } from "../page-header";
import { CaseStatusTag } from "./status";

// The case's pages after acceptance: one place to go for each question a partner or case manager asks ("what has
// shipped", "what do I owe", "when will this close"). Rendered under the case header of each of these pages. The
// timeline (the whole story, letter to closure) is open at every stage.

export const CASE_PAGES = [
  { key: "overview", label: "Overview", path: "" },
  { key: "lines", label: "Lines and deliveries", path: "/execution" },
  { key: "sdrs", label: "Discrepancy reports", path: "/sdrs" },
  { key: "money", label: "Money", path: "/finance" },
  { key: "closure", label: "Closure", path: "/closure" },
  { key: "timeline", label: "Timeline", path: "/timeline" },
] as const;
export type CasePageKey = (typeof CASE_PAGES)[number]["key"];

export function CaseSubnav({ caseId, current }: { caseId: string; current: CasePageKey }) {
  return (
    <nav aria-label="Case pages" className="mb-6 border-b border-base-lighter" data-testid="case-subnav">
      <ul className="flex flex-wrap gap-x-1">
        {CASE_PAGES.map((page) => (
          <li key={page.key}>
            <Link
              href={`/cases/${caseId}${page.path}`}
              aria-current={page.key === current ? "page" : undefined}
              className={`inline-block border-b-4 px-3 py-2 no-underline ${
                page.key === current ? "border-primary font-bold text-primary-darker" : "border-transparent text-primary hover:border-base-lighter"
              }`}
            >
              {page.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The head of each case sub-page: the way back to the case, "<what>: case <identifier>" with its status, country and
 * agency, and the case pages beneath.
 */
export function CaseSubpageHeader({
  caseId,
  identifier,
  title,
  status,
  countryName,
  agencyName,
  current,
  actions,
}: {
  caseId: string;
  identifier: string;
  /** What the page is about ("Money"); the heading adds the case. */
  title: string;
  status: CaseStatus;
  countryName: string;
  agencyName: string;
  current: CasePageKey;
  actions?: ReactNode;
}) {
  return (
    <>
      <CaseLiveWatcher caseId={caseId} />
      <p className="mb-2 text-sm">
        <Link href={`/cases/${caseId}`}>← Case {identifier}</Link>
      </p>
      <PageHeader
        title={`${title}: case ${identifier}`}
        lead={
          <span className="flex flex-wrap items-center gap-3">
            <CaseStatusTag status={status} />
            <span>
              {countryName} · {agencyName}
            </span>
          </span>
        }
        actions={actions}
      />
      <CaseSubnav caseId={caseId} current={current} />
    </>
  );
}
