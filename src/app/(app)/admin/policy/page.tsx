import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Tag } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { can } from "@/domain/policy";
import type { PolicySeriesView } from "@/domain/schemas/policy";
import { ProposalList } from "@/components/policy/proposal-list";
import { requireActor } from "@/server/auth/actor";
import { forPage } from "@/server/page-guard";
import { listPolicyChanges } from "@/server/policy/get-policy-change";
import { listPolicySeries } from "@/server/policy/list-policy";
import { getTranslations } from "next-intl/server";
import { getFormats } from "@/i18n/server";
import { groupLabel, policyValue, seriesLabel } from "@/components/policy/series-label";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PolicyList");
  return { title: t("title") };
}

export default async function PolicyPage() {
  const actor = await requireActor();
  const [series, waiting] = await forPage(() => Promise.all([listPolicySeries(actor), listPolicyChanges(actor, { status: "PROPOSED", pageSize: "50" })]));
  const groups = [...new Set(series.map((s) => s.group))];
  const proposer = can(actor, "proposePolicyChange");
  const t = await getTranslations("PolicyList");
  const names = await getTranslations("PolicySeriesNames");
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("heading")}
        lead={t("lead")}
      />
      <Section id="waiting" title={t("waiting")} testId="waiting-proposals">
        {waiting.total === 0 ? (
          <p>
            {t("noneWaiting")}
            {proposer && ` ${t("openSeries")}`}
          </p>
        ) : (
          <ProposalList changes={waiting.items} showSeries />
        )}
      </Section>
      {groups.map((group) => (
        <Section key={group} id={group.toLowerCase().replace(/\W+/g, "-")} title={groupLabel(names, group)}>
          <SeriesTable caption={groupLabel(names, group)} rows={series.filter((s) => s.group === group)} />
        </Section>
      ))}
    </div>
  );
}

async function SeriesTable({ caption, rows }: { caption: string; rows: PolicySeriesView[] }) {
  const t = await getTranslations("PolicyList");
  const names = await getTranslations("PolicySeriesNames");
  const f = await getFormats();
  return (
    <DataTable
      caption={caption}
      columns={[t("colSeries"), t("colInForce"), t("colSince"), t("colNext"), t("colWaiting")]}
      count={rows.length}
      noun={[t("nounOne"), t("nounOther")]}
      emptyMessage=""
      testId="policy-series"
    >
      {rows.map((s) => (
        <tr key={s.key} className="border-t border-base-lighter align-top" data-testid="policy-series-row" data-key={s.key}>
          <td className="px-3 py-2">
            <Link href={`/admin/policy/${s.key}`}>{seriesLabel(names, s.key, s.label)}</Link>
          </td>
          <td className="px-3 py-2 font-bold" data-testid="in-force">
            {s.current ? policyValue(names, s.current) : <Tag tone="error">{t("noRowInForce")}</Tag>}
          </td>
          <td className="px-3 py-2">{s.current ? f.date(s.current.effectiveFrom) : "—"}</td>
          <td className="px-3 py-2">{s.next ? t("nextFrom", { value: policyValue(names, s.next), date: f.date(s.next.effectiveFrom) }) : "—"}</td>
          <td className="px-3 py-2">{s.pendingProposals > 0 ? <Tag tone="warning">{t("pending", { count: s.pendingProposals, n: f.number(s.pendingProposals) })}</Tag> : "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}
