import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Tag } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { can } from "@/domain/policy";
import { isoDay } from "@/domain/sla";
import { ProposalList } from "@/components/policy/proposal-list";
import { requireActor } from "@/server/auth/actor";
import { forPage } from "@/server/page-guard";
import { listPolicyChanges } from "@/server/policy/get-policy-change";
import { getPolicySeries } from "@/server/policy/list-policy";
import { ProposeChangeForm } from "../policy-forms";
import { getTranslations } from "next-intl/server";
import { getFormats } from "@/i18n/server";
import { policyValue, seriesLabel } from "@/components/policy/series-label";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PolicySeries");
  return { title: t("title") };
}

export default async function PolicySeriesPage({ params }: { params: Promise<{ key: string }> }) {
  const actor = await requireActor();
  const { key } = await params;
  const [series, changes] = await forPage(() => Promise.all([getPolicySeries(actor, key), listPolicyChanges(actor, { key, pageSize: "20" })]));
  const t = await getTranslations("PolicySeries");
  const names = await getTranslations("PolicySeriesNames");
  const f = await getFormats();
  const name = seriesLabel(names, series.key, series.label);
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/policy">{t("back")}</Link>
      </p>
      <PageHeader
        title={name}
        lead={
          series.current
            ? `${t("leadCurrent", { value: policyValue(names, series.current), date: f.date(series.current.effectiveFrom) })}${series.next ? ` ${t("leadNext", { value: policyValue(names, series.next), date: f.date(series.next.effectiveFrom) })}` : ""}`
            : t("leadNone")
        }
      />
      {can(actor, "proposePolicyChange") && (
        <Section id="propose" title={t("propose")}>
          <p className="mb-4">{t("proposeExplain")}</p>
          <ProposeChangeForm seriesKey={series.key} unit={series.unit} today={isoDay(new Date())} />
        </Section>
      )}
      <Section id="history" title={t("history")}>
        <DataTable
          caption={t("historyCaption", { series: name })}
          columns={[t("colValue"), t("colInForce"), t("colSource")]}
          count={series.history.length}
          noun={[t("nounOne"), t("nounOther")]}
          emptyMessage={t("noRows")}
          testId="policy-history"
        >
          {series.history.map((row) => (
            <tr key={row.id} className="border-t border-base-lighter align-top" data-testid="policy-history-row">
              <td className="px-3 py-2 font-bold whitespace-nowrap">
                {policyValue(names, row)}
                {row.inForce && (
                  <span className="ms-2">
                    <Tag tone="success">{t("inForce")}</Tag>
                  </span>
                )}
                {row.scheduled && (
                  <span className="ms-2">
                    <Tag tone="info">{t("scheduled")}</Tag>
                  </span>
                )}
              </td>
              <td className="px-3 py-2 whitespace-nowrap">
                {f.date(row.effectiveFrom)} – {row.governsUntil ? f.date(row.governsUntil) : t("untilChanged")}
              </td>
              <td className="px-3 py-2">
                {row.source}
                {row.policyChangeId && (
                  <Link className="block" href={`/admin/policy/changes/${row.policyChangeId}`}>
                    {t("approvedProposal")}
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      </Section>
      <Section id="proposals" title={t("proposals")}>
        {changes.total === 0 ? (
          <p>{t("noProposals")}</p>
        ) : (
          <ProposalList changes={changes.items} />
        )}
      </Section>
    </div>
  );
}
