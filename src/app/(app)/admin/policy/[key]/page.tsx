import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Tag } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { can } from "@/domain/policy";
import { isoDay } from "@/domain/sla";
import { ProposalList } from "@/components/policy/proposal-list";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { forPage } from "@/server/page-guard";
import { listPolicyChanges } from "@/server/policy/get-policy-change";
import { getPolicySeries } from "@/server/policy/list-policy";
import { ProposeChangeForm } from "../policy-forms";

export const metadata: Metadata = { title: "Policy series" };

export default async function PolicySeriesPage({ params }: { params: Promise<{ key: string }> }) {
  const actor = await requireActor();
  const { key } = await params;
  const [series, changes] = await forPage(() => Promise.all([getPolicySeries(actor, key), listPolicyChanges(actor, { key, pageSize: "20" })]));
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/policy">All rates, thresholds and clocks</Link>
      </p>
      <PageHeader
        title={series.label}
        lead={
          series.current
            ? `In force today: ${series.current.display}, since ${formatDate(series.current.effectiveFrom)}.${series.next ? ` From ${formatDate(series.next.effectiveFrom)}: ${series.next.display}.` : ""}`
            : "No row is in force today: anything that needs it is refused until one is approved."
        }
      />
      {can(actor, "proposePolicyChange") && (
        <Section id="propose" title="Propose a change">
          <p className="mb-4">
            The new value takes effect on the day you give and applies from then on; an administrator other than you must approve it first. Lines of
            accepted LOAs keep their locked rates.
          </p>
          <ProposeChangeForm seriesKey={series.key} unit={series.unit} today={isoDay(new Date())} />
        </Section>
      )}
      <Section id="history" title="History">
        <DataTable caption={`${series.label}: every row`} columns={["Value", "In force", "Source"]} count={series.history.length} noun={["row", "rows"]} emptyMessage="No row yet." testId="policy-history">
          {series.history.map((row) => (
            <tr key={row.id} className="border-t border-base-lighter align-top" data-testid="policy-history-row">
              <td className="px-3 py-2 font-bold whitespace-nowrap">
                {row.display}
                {row.inForce && (
                  <span className="ml-2">
                    <Tag tone="success">In force</Tag>
                  </span>
                )}
                {row.scheduled && (
                  <span className="ml-2">
                    <Tag tone="info">Scheduled</Tag>
                  </span>
                )}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {formatDate(row.effectiveFrom)} – {row.governsUntil ? formatDate(row.governsUntil) : "until changed"}
              </td>
              <td className="px-3 py-2">
                {row.source}
                {row.policyChangeId && (
                  <Link className="block" href={`/admin/policy/changes/${row.policyChangeId}`}>
                    The approved proposal
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </Section>
      <Section id="proposals" title="Proposals">
        {changes.total === 0 ? (
          <p>No change has been proposed for this series.</p>
        ) : (
          <ProposalList changes={changes.items} />
        )}
      </Section>
    </div>
  );
}
