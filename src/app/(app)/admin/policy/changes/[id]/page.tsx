import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { Alert } from "@/components/ui/alert";
import { Stat, Tag } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { formatUsd } from "@/domain/money";
import { formatDate, formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { forPage } from "@/server/page-guard";
import { getPolicyChange, listPolicyImpact } from "@/server/policy/get-policy-change";
import { DecisionForms, RecomputeImpactForm } from "../../policy-forms";

export const metadata: Metadata = { title: "Proposed policy change" };

const STATUS = {
  PROPOSED: { tone: "warning", text: "Waiting for approval" },
  APPROVED: { tone: "success", text: "Approved" },
  REJECTED: { tone: "error", text: "Rejected" },
  WITHDRAWN: { tone: "base", text: "Withdrawn" },
} as const;

const NOTICES: Record<string, string> = {
  approved: "Approved: the new row takes effect on its date.",
  rejected: "Rejected: the proposal has no effect.",
  withdrawn: "Withdrawn: the proposal has no effect.",
};

export default async function PolicyChangePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const { id } = await params;
  const query = await searchParams;
  const [change, impact] = await forPage(() =>
    Promise.all([getPolicyChange(actor, id), listPolicyImpact(actor, id, { page: /^[1-9]\d{0,4}$/.test(query.page ?? "") ? query.page : "1", pageSize: "25" })]),
  );
  const status = STATUS[change.status];
  const notice = query.decided ? NOTICES[query.decided] : query.proposed ? "Proposed. An administrator other than you must approve it before it has any effect." : null;
  return (
    <div className="space-y-6">
      <p>
        <Link href={`/admin/policy/${change.key}`}>{change.label}: history and proposals</Link>
      </p>
      <PageHeader title={`${change.label}: ${change.currentDisplay ?? "none"} → ${change.display}`} lead={`From ${formatDate(change.effectiveFrom)}, if approved.`} />
      {notice && (
        <Alert type="success" testId="policy-notice">
          {notice}
        </Alert>
      )}
      <Section id="proposal" title="The proposal">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-bold">Status</dt>
          <dd data-testid="change-status">
            <Tag tone={status.tone}>{status.text}</Tag>
          </dd>
          <dt className="font-bold">Value on {formatDate(change.effectiveFrom)}</dt>
          <dd>
            {change.display} instead of {change.currentDisplay ?? "no value"}
          </dd>
          <dt className="font-bold">Reason and source</dt>
          <dd>{change.source}</dd>
          <dt className="font-bold">Proposed by</dt>
          <dd>
            {change.proposedBy.name}, {formatDateTime(change.proposedAt)}
          </dd>
          {change.decidedBy && (
            <>
              <dt className="font-bold">{status.text} by</dt>
              <dd>
                {change.decidedBy.name}, {formatDateTime(change.decidedAt)}
                {change.decisionNote && <span className="block">“{change.decisionNote}”</span>}
              </dd>
            </>
          )}
        </dl>
      </Section>
      <Section id="impact" title="What it would change" testId="impact-preview">
        {change.table === "SLA_RULE" ? (
          <p>
            A clock changes no price. Clocks that start on or after {formatDate(change.effectiveFrom)} use the new target; clocks already running keep the
            target they started with.
          </p>
        ) : !change.impact ? (
          <p>The impact is being computed. Reload the page in a moment.</p>
        ) : (
          <>
            <p className="mb-4">
              Open LOA documents (drafts, in review and offered) compared as each would stand on {formatDate(change.impact.pricedOn)}: drafts are priced that
              day; documents already in review or offered keep their pricing day and take the administrative surcharge in force when the partner accepts.
              Lines of accepted LOAs keep their locked rates. Computed {formatDateTime(change.impact.computedAt)}.
            </p>
            <div className="mb-4 grid grid-cols-2 gap-4 md:grid-cols-4" data-testid="impact-summary">
              <Stat label="Documents that change" value={change.impact.documents} />
              <Stat label="Notification requirement changes" value={change.impact.notificationChanges} />
              <Stat label="Their total without the change" value={formatUsd(change.impact.totalBefore)} />
              <Stat label="Their total with the change" value={formatUsd(change.impact.totalAfter)} />
            </div>
            <DataTable
              caption="Documents the change would alter"
              columns={["Case", "Document", "Status", "Total now", "With the change", "Difference", "Congressional notification"]}
              count={impact.total}
              noun={["document", "documents"]}
              emptyMessage="No open document's total or notification requirement would change."
              testId="impact-table"
            >
              {impact.items.map((item) => (
                <tr key={`${item.caseId}-${item.documentName}`} className="border-t border-base-lighter align-top" data-testid="impact-row">
                  <td className="px-3 py-2">
                    <Link href={`/cases/${item.caseId}`} className="font-mono font-bold">
                      {item.caseIdentifier}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{item.documentName}</td>
                  <td className="px-3 py-2">{item.documentStatus.toLowerCase()}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatUsd(item.totalBefore)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{formatUsd(item.totalAfter)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{item.difference.startsWith("-") ? `−${formatUsd(item.difference.slice(1))}` : `+${formatUsd(item.difference)}`}</td>
                  <td className="px-3 py-2">
                    {item.notificationBefore === item.notificationAfter
                      ? item.notificationAfter
                        ? "Required, unchanged"
                        : "Not required, unchanged"
                      : item.notificationAfter
                        ? "Becomes required"
                        : "No longer required"}
                  </td>
                </tr>
              ))}
            </DataTable>
            <Pagination page={impact.page} pageSize={impact.pageSize} total={impact.total} params={{}} basePath={`/admin/policy/changes/${change.id}`} />
          </>
        )}
        {change.status === "PROPOSED" && change.table === "PRICING_RATE" && change.availableActions.length > 0 && <RecomputeImpactForm changeId={change.id} />}
      </Section>
      {change.availableActions.length > 0 && (
        <Section id="decide" title="Decide">
          <DecisionForms
            changeId={change.id}
            version={change.version}
            actions={change.availableActions}
            summary={`${change.label} becomes ${change.display} from ${formatDate(change.effectiveFrom)}, for every quote, LOA and clock from that day.`}
          />
        </Section>
      )}
      {change.status === "PROPOSED" && change.availableActions.length === 0 && (
        <p>An administrator other than the person who proposed it decides this proposal.</p>
      )}
    </div>
  );
}
