import Link from "next/link";
import { Tag } from "@/components/ui/card";
import type { PolicyChangeView } from "@/domain/schemas/policy";
import { getTranslations } from "next-intl/server";
import { getFormats } from "@/i18n/server";
import { policyValue, seriesLabel } from "./series-label";

const STATUS_TONES = { PROPOSED: "warning", APPROVED: "success", REJECTED: "error", WITHDRAWN: "base" } as const;

/** Proposed policy changes, each linking to its page: what changes from when, and who proposed it when. */
export async function ProposalList({ changes, showSeries = false }: { changes: readonly PolicyChangeView[]; showSeries?: boolean }) {
  const t = await getTranslations("PolicyProposalList");
  const names = await getTranslations("PolicySeriesNames");
  const f = await getFormats();
  return (
    <ul className="space-y-2">
      {changes.map((change) => (
        <li key={change.id} data-testid="policy-proposal">
          {!showSeries && (
            <>
              <Tag tone={STATUS_TONES[change.status]}>{t(`status.${change.status}`)}</Tag>{" "}
            </>
          )}
          <Link href={`/admin/policy/changes/${change.id}`} className={showSeries ? "font-bold" : undefined}>
            {showSeries && t("seriesPrefix", { series: seriesLabel(names, change.key, change.label), current: change.currentDisplay ?? t("none") })}
            {t("valueFrom", { value: policyValue(names, change), date: f.date(change.effectiveFrom) })}
          </Link>
          <span className="block text-sm text-base-dark">
            {t("proposedBy", { name: change.proposedBy.name, at: f.dateTime(change.proposedAt) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
