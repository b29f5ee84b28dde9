import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Pagination } from "@/components/pagination";
import { Alert } from "@/components/ui/alert";
import { Stat, Tag } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { requireActor } from "@/server/auth/actor";
import { forPage } from "@/server/page-guard";
import { getPolicyChange, listPolicyImpact } from "@/server/policy/get-policy-change";
import { DecisionForms, RecomputeImpactForm } from "../../policy-forms";
import { getTranslations } from "next-intl/server";
import { getFormats } from "@/i18n/server";
import { policyValue, seriesLabel } from "@/components/policy/series-label";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PolicyChange");
  return { title: t("title") };
}

const STATUS_TONES = { PROPOSED: "warning", APPROVED: "success", REJECTED: "error", WITHDRAWN: "base" } as const;

const NOTICES = ["approved", "rejected", "withdrawn"] as const;
const isNotice = (value: string | undefined): value is (typeof NOTICES)[number] => (NOTICES as readonly (string | undefined)[]).includes(value);

export default async function PolicyChangePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const { id } = await params;
  const query = await searchParams;
  const [change, impact] = await forPage(() =>
    Promise.all([getPolicyChange(actor, id), listPolicyImpact(actor, id, { page: /^[1-9]\d{0,4}$/.test(query.page ?? "") ? query.page : "1", pageSize: "25" })]),
  );
  const t = await getTranslations("PolicyChange");
  const names = await getTranslations("PolicySeriesNames");
  const f = await getFormats();
  const name = seriesLabel(names, change.key, change.label);
  const value = policyValue(names, change);
  const status = { tone: STATUS_TONES[change.status], text: t(`status.${change.status}`) };
  const notice = query.decided ? (isNotice(query.decided) ? t(`notice.${query.decided}`) : undefined) : query.proposed ? t("notice.proposed") : null;
  const docStatus = (code: string) => (t.has(`documentStatus.${code}`) ? t(`documentStatus.${code}`) : code.toLowerCase());
  return (
    <div className="space-y-6">
      <p>
        <Link href={`/admin/policy/${change.key}`}>{t("back", { series: name })}</Link>
      </p>
      <PageHeader
        title={t("heading", { series: name, current: change.currentDisplay ?? t("none"), value })}
        lead={t("lead", { date: f.date(change.effectiveFrom) })}
      />
      {notice && (
        <Alert type="success" testId="policy-notice">
          {notice}
        </Alert>
      )}
      <Section id="proposal" title={t("proposal")}>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-bold">{t("statusTerm")}</dt>
          <dd data-testid="change-status">
            <Tag tone={status.tone}>{status.text}</Tag>
          </dd>
          <dt className="font-bold">{t("valueOn", { date: f.date(change.effectiveFrom) })}</dt>
          <dd>{t("insteadOf", { value, current: change.currentDisplay ?? t("noValue") })}</dd>
          <dt className="font-bold">{t("source")}</dt>
          <dd>{change.source}</dd>
          <dt className="font-bold">{t("proposedBy")}</dt>
          <dd>{t("personAt", { name: change.proposedBy.name, at: f.dateTime(change.proposedAt) })}</dd>
          {change.decidedBy && (
            <>
              <dt className="font-bold">{t(`decidedBy.${change.status}`)}</dt>
              <dd>
                {t("personAt", { name: change.decidedBy.name, at: f.dateTime(change.decidedAt) })}
                {change.decisionNote && <span className="block">{t("quoted", { note: change.decisionNote })}</span>}
              </dd>
            </>
          )}
        </dl>
      </Section>
      <Section id="impact" title={t("impact")} testId="impact-preview">
        {change.table === "SLA_RULE" ? (
          <p>{t("clockImpact", { date: f.date(change.effectiveFrom) })}</p>
        ) : !change.impact ? (
          <p>{t("computing")}</p>
        ) : (
          <>
            <p className="mb-4">{t("impactExplain", { date: f.date(change.impact.pricedOn), computed: f.dateTime(change.impact.computedAt) })}</p>
            <div className="mb-4 grid grid-cols-2 gap-4 md:grid-cols-4" data-testid="impact-summary">
              <Stat label={t("statDocuments")} value={f.number(change.impact.documents)} />
              <Stat label={t("statNotification")} value={f.number(change.impact.notificationChanges)} />
              <Stat label={t("statBefore")} value={f.usd(change.impact.totalBefore)} />
              <Stat label={t("statAfter")} value={f.usd(change.impact.totalAfter)} />
            </div>
            <DataTable
              caption={t("impactCaption")}
              columns={[t("colCase"), t("colDocument"), t("colStatus"), t("colBefore"), t("colAfter"), t("colDifference"), t("colNotification")]}
              count={impact.total}
              noun={[t("nounOne"), t("nounOther")]}
              emptyMessage={t("impactEmpty")}
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
                  <td className="px-3 py-2">{docStatus(item.documentStatus)}</td>
                  <td className="px-3 py-2 text-end tabular-nums">{f.usd(item.totalBefore)}</td>
                  <td className="px-3 py-2 text-end tabular-nums">{f.usd(item.totalAfter)}</td>
                  <td className="px-3 py-2 text-end tabular-nums">{item.difference.startsWith("-") ? `−${f.usd(item.difference.slice(1))}` : `+${f.usd(item.difference)}`}</td>
                  <td className="px-3 py-2">
                    {item.notificationBefore === item.notificationAfter
                      ? item.notificationAfter
                        ? t("notification.required")
                        : t("notification.notRequired")
                      : item.notificationAfter
                        ? t("notification.becomesRequired")
                        : t("notification.noLongerRequired")}
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
        <Section id="decide" title={t("decide")}>
          <DecisionForms
            changeId={change.id}
            version={change.version}
            actions={change.availableActions}
            summary={t("summary", { series: name, value, date: f.date(change.effectiveFrom) })}
          />
        </Section>
      )}
      {change.status === "PROPOSED" && change.availableActions.length === 0 && (
        <p>{t("otherDecides")}</p>
      )}
    </div>
  );
}
