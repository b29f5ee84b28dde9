import Link from "next/link";
import { Tag } from "@/components/ui/card";
import type { PolicyChangeView } from "@/domain/schemas/policy";
import { formatDate, formatDateTime } from "@/lib/format";

const STATUS_TONES = { PROPOSED: "warning", APPROVED: "success", REJECTED: "error", WITHDRAWN: "base" } as const;

/** Proposed policy changes, each linking to its page: what changes from when, and who proposed it when. */
export function ProposalList({ changes, showSeries = false }: { changes: readonly PolicyChangeView[]; showSeries?: boolean }) {
  return (
    <ul className="space-y-2">
      {changes.map((change) => (
        <li key={change.id} data-testid="policy-proposal">
          {!showSeries && (
            <>
              <Tag tone={STATUS_TONES[change.status]}>{change.status.toLowerCase()}</Tag>{" "}
            </>
          )}
          <Link href={`/admin/policy/changes/${change.id}`} className={showSeries ? "font-bold" : undefined}>
            {showSeries && `${change.label}: ${change.currentDisplay ?? "none"} → `}
            {change.display} from {formatDate(change.effectiveFrom)}
          </Link>
          <span className="block text-sm text-base-dark">
            Proposed by {change.proposedBy.name} on {formatDateTime(change.proposedAt)}
          </span>
        </li>
      ))}
    </ul>
  );
}
