import type { Metadata } from "next";
import Link from "next/link";
import { CaseSubpageHeader } from "@/components/case/case-subnav";
import { AgingTag } from "@/components/case/status";
import { Pagination } from "@/components/pagination";
import { SdrStatusTag, sdrDecisionText } from "@/components/sdr/sdr-status";
import { buttonLinkClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { SDR_TYPE_LABELS } from "@/domain/execution/sdr";
import { formatUsd } from "@/domain/money";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { getCase } from "@/server/cases/get-case";
import { forPage } from "@/server/page-guard";
import { listCaseSdrs } from "@/server/sdr/list-case-sdrs";

export const metadata: Metadata = { title: "Discrepancy reports" };

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
  return (
    <div>
      <CaseSubpageHeader
        caseId={found.id}
        identifier={found.identifier}
        title="Discrepancy reports"
        status={found.status}
        countryName={found.country.name}
        agencyName={found.implementingAgency.name}
        current="sdrs"
        actions={
          list.canFile ? (
            <Link href={`/cases/${found.id}/sdrs/new`} className={buttonLinkClass} data-testid="new-sdr">
              Report a discrepancy
            </Link>
          ) : undefined
        }
      />
      <p className="mb-4 max-w-3xl">
        {partner
          ? "Tell the implementing agency when a shipment arrives short, over, damaged, wrong, not working, or wrongly billed. It decides each report: a credit to the case, a replacement, a repair, or a rejection with its reason. You may ask once for a decision to be reconsidered."
          : `Supply discrepancy reports from ${found.country.name} on this case's shipments. ${found.implementingAgency.name} decides each one by its due date; a credit is counted on the case's statements.`}
      </p>
      <DataTable
        caption={`Discrepancy reports on case ${found.identifier}`}
        columns={["Report", "Status", "Value affected", "Shipment", "Filed"]}
        count={list.total}
        noun={["report", "reports"]}
        emptyMessage={partner ? "You have not reported a discrepancy on this case." : "No discrepancy has been reported on this case."}
        testId="sdr-table"
      >
        {list.items.map((sdr) => {
          const decision = sdrDecisionText(sdr.decision, sdr.creditAmount);
          return (
            <tr key={sdr.id} className="border-t border-base-lighter" data-testid="sdr-row" data-status={sdr.status}>
              <td className={cell}>
                <Link href={`/cases/${found.id}/sdrs/${sdr.number}`} className="whitespace-nowrap font-mono font-bold">
                  {sdr.reference}
                </Link>
                <span className="block">
                  {SDR_TYPE_LABELS[sdr.type]}
                  {sdr.quantityAffected !== null ? `, ${sdr.quantityAffected} affected` : ""}
                  {sdr.informationOnly ? " (information only)" : ""}
                </span>
              </td>
              <td className={cell}>
                <SdrStatusTag status={sdr.status} />
                {decision && <span className="mt-1 block">{decision}</span>}
                {sdr.status === "SUBMITTED" || sdr.status === "RECONSIDERATION_REQUESTED" ? (
                  <span className="mt-1 block">{sdr.aging ? <AgingTag aging={sdr.aging} /> : `Due ${formatDate(sdr.dueAt)}`}</span>
                ) : null}
              </td>
              <td className={`${cell} whitespace-nowrap text-right font-mono tabular-nums`}>{formatUsd(sdr.valueAffected)}</td>
              <td className={cell}>
                Line {sdr.shipment.lineNumber}
                <span className="block font-mono text-base-dark">{sdr.shipment.documentNumber}</span>
              </td>
              <td className={`${cell} whitespace-nowrap`}>{formatDate(sdr.filedAt)}</td>
            </tr>
          );
        })}
      </DataTable>
      <Pagination page={list.page} pageSize={list.pageSize} total={list.total} params={query} basePath={`/cases/${found.id}/sdrs`} />
    </div>
  );
}
