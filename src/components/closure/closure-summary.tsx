import Link from "next/link";
import { useTranslations } from "next-intl";
import { Tag } from "@/components/ui/card";
import type { ClosureView } from "@/domain/schemas/closure";
import { useFormats } from "@/i18n/use-formats";

// The case overview's answer to "when will this close": closed (and the refund or bill), ready, or what still stands
// in the way, with the 24-month target. Props only: the page loads the readiness (getClosureReadiness).

export type ClosureSummaryFacts = Pick<
  ClosureView,
  "caseId" | "status" | "closureType" | "ready" | "blockers" | "target" | "closedAt" | "finalStatement" | "statement" | "certificate"
>;

const SHOWN = 3;

export function ClosureSummary({ closure }: { closure: ClosureSummaryFacts }) {
  const t = useTranslations("ClosureSummary");
  const types = useTranslations("ClosureTypes");
  const f = useFormats();
  const closed = closure.status === "CLOSED";
  const refund = closure.finalStatement?.amountDue.startsWith("-") ? closure.finalStatement.amountDue.slice(1) : null;
  return (
    <div data-testid="closure-summary">
      {closed ? (
        <p>
          {t.rich("closedOn", {
            tag: (chunks) => <Tag tone="success">{chunks}</Tag>,
            date: f.date(closure.closedAt),
            under: closure.closureType ? t("under", { type: types(`label.${closure.closureType}`) }) : "",
          })}{" "}
          {refund ? t("excessReturned", { value: f.usd(refund) }) : t("settled")}
        </p>
      ) : closure.ready ? (
        <p>
          {t.rich("ready", { tag: (chunks) => <Tag tone="success">{chunks}</Tag> })}
        </p>
      ) : (
        <>
          <p>
            {t.rich("notReady", { tag: (chunks) => <Tag tone="warning">{chunks}</Tag>, count: closure.blockers.length })}
          </p>
          <ul className="mt-1 list-disc ps-5 text-sm" data-testid="closure-summary-blockers">
            {closure.blockers.slice(0, SHOWN).map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
            {closure.blockers.length > SHOWN && <li>{t("more", { count: closure.blockers.length - SHOWN })}</li>}
          </ul>
        </>
      )}
      {!closed && closure.target && (
        <p className="mt-2 text-sm text-base-dark">
          {t("target", {
            date: f.date(closure.target.targetDate),
            months: closure.target.months,
            passed: closure.target.overdue ? t("passed") : "",
          })}
        </p>
      )}
      <p className="mt-2 text-sm">
        <Link href={`/cases/${closure.caseId}/closure`}>{t("link")}</Link>
        {closure.certificate && (
          <>
            {" · "}
            <a href={closure.certificate.url} download>
              {t("certificate")}
            </a>
          </>
        )}
      </p>
    </div>
  );
}
