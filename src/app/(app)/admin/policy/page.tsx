import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Tag } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { can } from "@/domain/policy";
import type { PolicySeriesView } from "@/domain/schemas/policy";
import { ProposalList } from "@/components/policy/proposal-list";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { forPage } from "@/server/page-guard";
import { listPolicyChanges } from "@/server/policy/get-policy-change";
import { listPolicySeries } from "@/server/policy/list-policy";

export const metadata: Metadata = { title: "Policy" };

export default async function PolicyPage() {
  const actor = await requireActor();
  const [series, waiting] = await forPage(() => Promise.all([listPolicySeries(actor), listPolicyChanges(actor, { status: "PROPOSED", pageSize: "50" })]));
  const groups = [...new Set(series.map((s) => s.group))];
  const proposer = can(actor, "proposePolicyChange");
  return (
    <div className="space-y-6">
      <PageHeader
        title="Rates, thresholds and clocks"
        lead="The policy Caseway prices and times cases with. Each value is a row with the day it takes effect and the source it rests on. A change is a new row: a policy officer proposes it, a different administrator approves it after reading what it would change, and rows already in force are never edited."
      />
      <Section id="waiting" title="Waiting for approval" testId="waiting-proposals">
        {waiting.total === 0 ? (
          <p>No proposal is waiting.{proposer && " Open a series below to propose a change."}</p>
        ) : (
          <ProposalList changes={waiting.items} showSeries />
        )}
      </Section>
      {groups.map((group) => (
        <Section key={group} id={group.toLowerCase().replace(/\W+/g, "-")} title={group}>
          <SeriesTable caption={group} rows={series.filter((s) => s.group === group)} />
        </Section>
      ))}
    </div>
  );
}

function SeriesTable({ caption, rows }: { caption: string; rows: PolicySeriesView[] }) {
  return (
    <DataTable caption={caption} columns={["Series", "In force today", "Since", "Next change", "Waiting"]} count={rows.length} noun={["series", "series"]} emptyMessage="" testId="policy-series">
      {rows.map((s) => (
        <tr key={s.key} className="border-t border-base-lighter align-top" data-testid="policy-series-row" data-key={s.key}>
          <td className="px-3 py-2">
            <Link href={`/admin/policy/${s.key}`}>{s.label}</Link>
          </td>
          <td className="px-3 py-2 font-bold" data-testid="in-force">
            {s.current?.display ?? <Tag tone="error">No row in force</Tag>}
          </td>
          <td className="px-3 py-2">{s.current ? formatDate(s.current.effectiveFrom) : "—"}</td>
          <td className="px-3 py-2">{s.next ? `${s.next.display} from ${formatDate(s.next.effectiveFrom)}` : "—"}</td>
          <td className="px-3 py-2">{s.pendingProposals > 0 ? <Tag tone="warning">{`${s.pendingProposals} waiting`}</Tag> : "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}
