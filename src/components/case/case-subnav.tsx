import Link from "next/link";
import { useTranslations } from "next-intl";
import { CaseLiveWatcher } from "../live/case-live-watcher";
import type { ReactNode } from "react";
import type { CaseStatus } from "@/domain/workflow/states";
import { PageHeader } from "../page-header";
import { CaseStatusTag } from "./status";

// The case's pages after acceptance: one place to go for each question a partner or case manager asks ("what has
// shipped", "what do I owe", "when will this close"). Rendered under the case header of each of these pages. The
// timeline (the whole story, letter to closure) is open at every stage.

// Each page's name is the "CaseSubnav" message of its key.
export const CASE_PAGES = [
  { key: "overview", path: "" },
  { key: "lines", path: "/execution" },
  { key: "sdrs", path: "/sdrs" },
  { key: "money", path: "/finance" },
  { key: "closure", path: "/closure" },
  { key: "timeline", path: "/timeline" },
] as const;
export type CasePageKey = (typeof CASE_PAGES)[number]["key"];

export function CaseSubnav({ caseId, current }: { caseId: string; current: CasePageKey }) {
  const t = useTranslations("CaseSubnav");
  return (
    <nav aria-label={t("label")} className="mb-6 border-b border-base-lighter" data-testid="case-subnav">
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
              {t(page.key)}
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
  const t = useTranslations("CaseSubnav");
  return (
    <>
      <CaseLiveWatcher caseId={caseId} />
      <p className="mb-2 text-sm">
        <Link href={`/cases/${caseId}`}>{t("back", { identifier })}</Link>
      </p>
      <PageHeader
        title={t("title", { title, identifier })}
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
