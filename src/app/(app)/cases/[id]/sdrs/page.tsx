import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CaseSubpageHeader } from "@/components/case/case-subnav";
import { AgingTag } from "@/components/case/status";
import { Pagination } from "@/components/pagination";
import { SdrStatusTag, sdrDecisionText } from "@/components/sdr/sdr-status";
import { buttonLinkClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { getLabels } from "@/i18n/labels";
import { getFormats } from "@/i18n/server";
import { requireActor } from "@/server/auth/actor";
import { getCase } from "@/server/cases/get-case";
import { forPage } from "@/server/page-guard";
import { listCaseSdrs } from "@/server/sdr/list-case-sdrs";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SdrList");
  return { title: t("title") };
}

const cell = "px-3 py-2 align-top";

export default async function CaseSdrsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requireActor();
  const { id } = await params;
  const query = await searchParams;
  const found = await forPage(() => getCase(actor, id));
  const list = await forPage(() => listCaseSdrs(actor, id, { page: /^[1-9]\d{0,4}$/.test(query.page ?? "") ? query.page : "1" }));
  const partner = actor.role === "PARTNER_OFFICER";
  const t = await getTranslations("SdrList");
  const f = await getFormats();
  const label = await getLabels();
  return (
    <div>
      <CaseSubpageHeader
        caseId={found.id}
        identifier={found.identifier}
        title={t("title")}
        status={found.status}
        countryName={found.country.name}
        agencyName={found.implementingAgency.name}
        current="sdrs"
        actions={
          list.canFile ? (
            <Link href={`/cases/${found.id}/sdrs/new`} className={buttonLinkClass} data-testid="new-sdr">
              {t("new")}
            </Link>
          ) : undefined
        }
      />
      <p className="mb-4 max-w-3xl">
        {partner ? t("leadPartner") : t("leadUsg", { country: found.country.name, agency: found.implementingAgency.name })}
      </p>
      <DataTable
        caption={t("caption", { identifier: found.identifier })}
        columns={[t("colReport"), t("colStatus"), t("colValue"), t("colShipment"), t("colFiled")]}
        count={list.total}
        noun={[t("nounOne"), t("nounMany")]}
        emptyMessage={partner ? t("emptyPartner") : t("empty")}
        testId="sdr-table"
      >
        {list.items.map((sdr) => {
          const decision = sdrDecisionText(sdr.decision, sdr.creditAmount, label, f);
          return (
            <tr key={sdr.id} className="border-t border-base-lighter" data-testid="sdr-row" data-status={sdr.status}>
              <td className={cell}>
                <Link href={`/cases/${found.id}/sdrs/${sdr.number}`} className="whitespace-nowrap font-mono font-bold">
                  {sdr.reference}
                </Link>
                <span className="block">
                  {label("sdrType", sdr.type)}
                  {sdr.quantityAffected !== null ? t("affected", { count: String(sdr.quantityAffected) }) : ""}
                  {sdr.informationOnly ? t("informationOnly") : ""}
                </span>
              </td>
              <td className={cell}>
                <SdrStatusTag status={sdr.status} />
                {decision && <span className="mt-1 block">{decision}</span>}
                {sdr.status === "SUBMITTED" || sdr.status === "RECONSIDERATION_REQUESTED" ? (
                  <span className="mt-1 block">{sdr.aging ? <AgingTag aging={sdr.aging} /> : t("due", { date: f.date(sdr.dueAt) })}</span>
                ) : null}
              </td>
              <td className={`${cell} whitespace-nowrap text-end font-mono tabular-nums`}>{f.usd(sdr.valueAffected)}</td>
              <td className={cell}>
                {t("line", { number: sdr.shipment.lineNumber })}
                <span className="block font-mono text-base-dark">{sdr.shipment.documentNumber}</span>
              </td>
              <td className={`${cell} whitespace-nowrap`}>{f.date(sdr.filedAt)}</td>
            </tr>
          );
        })}
      </DataTable>
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} params={query} basePath={`/cases/${found.id}/sdrs`} />
    </div>
  );
}
