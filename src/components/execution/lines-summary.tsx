import Link from "next/link";
import { useTranslations } from "next-intl";
import type { LineExecutionView } from "@/domain/schemas/execution";
import { Tag } from "../ui/card";
import { ProgressBar } from "./progress-bar";

export type LineSummary = Pick<LineExecutionView, "lineNumber" | "description" | "kind" | "status" | "measures" | "unitOfIssue" | "serviceUnitLabel">;

/** The bar that answers "how far along is this line": delivered for articles and blanket lines, performed for services. */
export function headlineMeasure(line: LineSummary) {
  const order = line.kind === "SERVICES" ? ["performed", "performedValue"] : ["delivered"];
  for (const key of order) {
    const found = line.measures.find((m) => m.key === key);
    if (found) return found;
  }
  return line.measures.at(-1) ?? null;
}

/**
 * A compact view of a case's lines for the case overview: one progress bar per line (delivered, or services performed),
 * and its closed-out state. Props only; the page reads the data (getCaseExecution).
 */
export function LinesSummary({ caseId, lines }: { caseId: string; lines: readonly LineSummary[] }) {
  const t = useTranslations("ExecLinesSummary");
  const status = useTranslations("ExecLineStatus");
  if (lines.length === 0) return <p className="text-base-dark">{t("empty")}</p>;
  return (
    <div data-testid="lines-summary">
      <ul className="grid gap-3">
        {lines.map((line) => {
          const measure = headlineMeasure(line);
          return (
            <li key={line.lineNumber}>
              <p className="mb-1 flex flex-wrap items-center gap-2 text-sm">
                <span className="font-bold">{t("line", { number: line.lineNumber })}</span>
                <span className="min-w-0 break-words">{line.description}</span>
                {line.status !== "OPEN" && <Tag tone={line.status === "CANCELLED" ? "base" : "success"}>{status(line.status)}</Tag>}
              </p>
              {measure && <ProgressBar id={`summary-${line.lineNumber}-${measure.key}`} measure={measure} line={line} compact />}
            </li>
          );
        })}
      </ul>
      <p className="mt-3 text-sm">
        <Link href={`/cases/${caseId}/execution`}>{t("link")}</Link>
      </p>
    </div>
  );
}
