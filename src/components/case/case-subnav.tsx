import Link from "next/link";

// The case's pages after acceptance: one place to go for each question a partner or case manager asks ("what has
// shipped", "what do I owe", "when will this close"). Rendered under the case header of each of these pages.

export const CASE_PAGES = [
  { key: "overview", label: "Overview", path: "" },
  { key: "lines", label: "Lines and deliveries", path: "/execution" },
  { key: "sdrs", label: "Discrepancy reports", path: "/sdrs" },
  { key: "money", label: "Money", path: "/finance" },
  { key: "closure", label: "Closure", path: "/closure" },
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
