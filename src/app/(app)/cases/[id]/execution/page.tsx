import Link from "next/link";
import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { CaseSubpageHeader } from "@/components/case/case-subnav";
import { ProgressBar } from "@/components/execution/progress-bar";
import { RecordTable } from "@/components/execution/record-table";
import { Alert } from "@/components/ui/alert";
import { Tag } from "@/components/ui/card";
import { Section } from "@/components/ui/section";
import { LINE_KIND_LABELS } from "@/domain/execution/line-kind";
import {
  LINE_STATUS_LABELS,
  REQUISITION_STATUS_LABELS,
  SHIPMENT_MODE_LABELS,
  SHIPMENT_STATUS_LABELS,
  milstripDocumentNumber,
  priorityLabel,
} from "@/domain/execution/lines";
import { formatUsd } from "@/domain/money";
import { can, type Actor } from "@/domain/policy";
import type { ExecutionView, LineExecutionView } from "@/domain/schemas/execution";
import { isoDay } from "@/domain/sla";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { getCaseExecution } from "@/server/execution/get-case-execution";
import { forPage } from "@/server/page-guard";
import { CompletionForm, ContractForm, RequisitionForm, ServiceForm, ShipmentForm, ShipmentStatusForms, type LineTarget } from "./execution-forms";

export const metadata: Metadata = { title: "Lines and deliveries" };

const NOTICES: Record<string, string> = {
  obligation: "Contract recorded",
  requisition: "Requisition submitted",
  shipment: "Shipment recorded",
  service: "Services recorded",
  completion: "Line closed out",
  "in-transit": "Shipment marked in transit",
  received: "Shipment marked received",
};

const cell = "px-3 py-2 align-top";
const number = `${cell} text-right tabular-nums whitespace-nowrap`;

const shipmentTone = (status: string) => (status === "RECEIVED" ? "success" : status === "IN_TRANSIT" ? "info" : "base");

interface Permissions {
  record: boolean;
  requisition: boolean;
  receive: boolean;
  markInTransit: boolean;
  /** The partner may report a discrepancy against a received shipment (the SDR form checks the window and minimum). */
  fileSdr: boolean;
}

function permissionsFor(actor: Actor, view: ExecutionView): Permissions {
  const subject = { organizationId: view.country.id, agencyId: view.implementingAgency.id };
  return {
    record: view.acceptsRecords && can(actor, "recordExecution", subject),
    requisition: view.acceptsRecords && can(actor, "submitRequisition", subject),
    receive: view.acceptsReceipts && can(actor, "receiveShipment", subject),
    markInTransit: view.acceptsReceipts && can(actor, "recordExecution", subject),
    fileSdr: can(actor, "fileSdr", subject),
  };
}

function LineFacts({ line }: { line: LineExecutionView }) {
  const target =
    line.kind === "ARTICLES"
      ? `${line.quantity ?? 0} ${line.unitOfIssue ?? ""} · ${formatUsd(line.value)}`
      : line.kind === "SERVICES"
        ? `${line.serviceUnits ? `${line.serviceUnits} ${line.serviceUnitLabel} · ` : ""}${formatUsd(line.value)}`
        : `${formatUsd(line.value)} (blanket value)`;
  return (
    <dl className="mb-3 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
      <dt className="font-bold">How it is executed</dt>
      <dd>{LINE_KIND_LABELS[line.kind]}</dd>
      <dt className="font-bold">On the LOA</dt>
      <dd>{target}</dd>
      <dt className="font-bold">Expenditures</dt>
      <dd data-testid={`expenditures-${line.lineNumber}`}>{formatUsd(line.expenditures)} (value shipped and services performed)</dd>
      {line.remainingValue !== null && (
        <>
          <dt className="font-bold">Remaining value</dt>
          <dd data-testid={`remaining-${line.lineNumber}`}>{formatUsd(line.remainingValue)} not yet requisitioned</dd>
        </>
      )}
      {line.completion && (
        <>
          <dt className="font-bold">{line.completion.outcome === "CANCELLED" ? "Cancelled" : "Supply/services complete"}</dt>
          <dd>
            {formatDate(line.completion.declaredAt)}
            {line.completion.reason ? ` — ${line.completion.reason}` : ""}
          </dd>
        </>
      )}
    </dl>
  );
}

function LineSection({
  view,
  line,
  permissions,
  partner,
  today,
}: {
  view: ExecutionView;
  line: LineExecutionView;
  permissions: Permissions;
  partner: boolean;
  today: string;
}) {
  const target: LineTarget = { caseId: view.caseId, lineNumber: line.lineNumber, today };
  const open = line.status === "OPEN";
  const openRequisitions = line.requisitions.filter((r) => r.status === "OPEN");
  return (
    <section id={`line-${line.lineNumber}`} aria-labelledby={`line-${line.lineNumber}-title`} className="min-w-0 scroll-mt-4 rounded border border-base-lighter bg-white p-5" data-testid={`line-${line.lineNumber}`}>
      <h2 id={`line-${line.lineNumber}-title`} className="mb-2 flex flex-wrap items-center gap-2 text-xl text-primary-darker">
        <span>Line {line.lineNumber}</span>
        <span className="min-w-0 break-words text-lg text-ink">{line.description}</span>
        <Tag tone={line.status === "OPEN" ? "info" : line.status === "CANCELLED" ? "base" : "success"}>{LINE_STATUS_LABELS[line.status]}</Tag>
      </h2>
      <LineFacts line={line} />

      <div className="max-w-2xl">
        {line.measures.map((measure) => (
          <ProgressBar key={measure.key} id={`line-${line.lineNumber}-${measure.key}`} measure={measure} line={line} />
        ))}
      </div>

      {line.obligations.length > 0 && (
        <RecordTable title={`Contracts on line ${line.lineNumber}`} columns={partner ? ["Contract", "Awarded"] : ["Contract", "Awarded", "Obligated"]} testId={`contracts-${line.lineNumber}`}>
          {line.obligations.map((o) => (
            <tr key={o.id}>
              <td className={`${cell} font-mono`}>{o.contractNumber}</td>
              <td className={cell}>{formatDate(o.awardedOn)}</td>
              {!partner && <td className={number}>{formatUsd(o.amount)}</td>}
            </tr>
          ))}
        </RecordTable>
      )}

      {line.kind === "BLANKET" && line.requisitions.length > 0 && (
        <RecordTable
          title={`Requisitions on line ${line.lineNumber}`}
          columns={["Document number", "Item", "Quantity", "Unit price", "Amount", "Priority", "Status"]}
          testId={`requisitions-${line.lineNumber}`}
        >
          {line.requisitions.map((r) => (
            <tr key={r.id}>
              <td className={`${cell} font-mono`}>{r.documentNumber}</td>
              <td className={cell}>
                {r.itemDescription}
                {r.nsn && <span className="block text-xs text-base-dark">NSN {r.nsn}</span>}
              </td>
              <td className={number}>
                {r.quantity}
                {r.shippedQuantity > 0 && r.shippedQuantity < r.quantity && <span className="block text-xs">{r.shippedQuantity} shipped</span>}
              </td>
              <td className={number}>{formatUsd(r.unitPrice)}</td>
              <td className={number}>{formatUsd(r.amount)}</td>
              <td className={`${cell} whitespace-nowrap`}>{priorityLabel(r.priority)}</td>
              <td className={cell}>
                <Tag tone={r.status === "SHIPPED" ? "success" : r.status === "CANCELLED" ? "base" : "warning"}>{REQUISITION_STATUS_LABELS[r.status]}</Tag>
              </td>
            </tr>
          ))}
        </RecordTable>
      )}

      {line.shipments.length > 0 && (
        <RecordTable
          title={`Shipments on line ${line.lineNumber}`}
          columns={["Document", "Quantity", "Shipped", "Mode", "Tracking reference", "Status", ...(permissions.receive || permissions.markInTransit ? ["Next step"] : [])]}
          testId={`shipments-${line.lineNumber}`}
        >
          {line.shipments.map((s) => (
            <tr key={s.id} data-testid={`shipment-${s.documentNumber}`}>
              <td className={`${cell} font-mono`}>
                {s.documentNumber}
                {s.requisitionDocumentNumber && <span className="block text-xs text-base-dark">for {s.requisitionDocumentNumber}</span>}
              </td>
              <td className={number}>
                {s.quantity}
                <span className="block text-xs">{formatUsd(s.value)}</span>
              </td>
              <td className={`${cell} whitespace-nowrap`}>{formatDate(s.shippedOn)}</td>
              <td className={cell}>{SHIPMENT_MODE_LABELS[s.mode]}</td>
              <td className={`${cell} min-w-[12rem] break-words`}>{s.trackingReference}</td>
              <td className={`${cell} min-w-[10rem]`}>
                <Tag tone={shipmentTone(s.status)}>{SHIPMENT_STATUS_LABELS[s.status]}</Tag>
                {s.status === "RECEIVED" && (
                  <span className="mt-1 block text-xs">
                    {formatDate(s.receivedOn)} by {s.receivedBy}
                  </span>
                )}
              </td>
              {(permissions.receive || permissions.markInTransit) && (
                <td className={`${cell} min-w-[14rem]`}>
                  {s.status === "RECEIVED" ? (
                    permissions.fileSdr ? (
                      <Link href={`/cases/${view.caseId}/sdrs/new?shipment=${s.id}`} data-testid={`report-discrepancy-${s.documentNumber}`}>
                        Report a discrepancy<span className="sr-only"> (shipment {s.documentNumber})</span>
                      </Link>
                    ) : (
                      <span className="text-base-dark">—</span>
                    )
                  ) : (
                    <ShipmentStatusForms
                      target={target}
                      shipment={{ id: s.id, version: s.version, documentNumber: s.documentNumber, status: s.status }}
                      mayMarkInTransit={permissions.markInTransit}
                      mayReceive={permissions.receive}
                    />
                  )}
                </td>
              )}
            </tr>
          ))}
        </RecordTable>
      )}

      {line.services.length > 0 && (
        <RecordTable title={`Services performed on line ${line.lineNumber}`} columns={["Period", line.serviceUnitLabel === "months" ? "Months" : "Events", "Value", "What"]} testId={`services-${line.lineNumber}`}>
          {line.services.map((s) => (
            <tr key={s.id}>
              <td className={`${cell} whitespace-nowrap`}>
                {formatDate(s.performedFrom)} – {formatDate(s.performedTo)}
              </td>
              <td className={number}>{s.units}</td>
              <td className={number}>{formatUsd(s.value)}</td>
              <td className={`${cell} min-w-[12rem]`}>{s.description}</td>
            </tr>
          ))}
        </RecordTable>
      )}

      {line.obligations.length + line.requisitions.length + line.shipments.length + line.services.length === 0 && (
        <p className="mt-3 text-sm text-base-dark">Nothing recorded on this line yet.</p>
      )}

      {open && (
        <div className="mt-2 max-w-2xl">
          {permissions.requisition && line.kind === "BLANKET" && (
            <RequisitionForm
              target={target}
              remaining={line.remainingValue ?? "0.00"}
              example={milstripDocumentNumber({ serviceCode: view.implementingAgency.code.slice(0, 1), countryCode: view.country.code.slice(0, 2), day: today, serial: "0001" })}
              idempotencyKey={randomUUID()}
            />
          )}
          {permissions.record && (
            <>
              <ContractForm target={target} />
              {line.kind !== "SERVICES" && (
                <ShipmentForm
                  target={target}
                  unshipped={line.unshippedQuantity}
                  unitOfIssue={line.unitOfIssue}
                  requisitions={line.kind === "BLANKET" ? openRequisitions : null}
                />
              )}
              {line.kind === "SERVICES" && <ServiceForm target={target} unitLabel={line.serviceUnitLabel} remaining={line.unperformedUnits} />}
              <CompletionForm target={target} problems={line.sscProblems} />
            </>
          )}
        </div>
      )}
    </section>
  );
}

export default async function CaseExecutionPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requireActor();
  const { id } = await params;
  const { notice } = await searchParams;
  const view = await forPage(() => getCaseExecution(actor, id));
  const partner = actor.role === "PARTNER_OFFICER";
  const permissions = permissionsFor(actor, view);
  const today = isoDay(new Date());
  const shown = notice ? NOTICES[notice] : undefined;
  const closed = view.lines.filter((l) => l.status !== "OPEN").length;
  return (
    <div>
      <CaseSubpageHeader
        caseId={view.caseId}
        identifier={view.identifier}
        title="Lines and deliveries"
        status={view.status}
        countryName={view.country.name}
        agencyName={view.implementingAgency.name}
        current="lines"
      />
      {shown && <Alert type="success" title={shown} testId="notice" />}

      <div className="mt-4 grid gap-6">
        <Section id="execution-overview" title="Where delivery stands" testId="execution-overview">
          {view.loaInForce === null ? (
            <p>The case has no accepted LOA yet: lines are executed once the partner accepts and the case is implemented.</p>
          ) : (
            <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[14rem_1fr]">
              <dt className="font-bold">Measured against</dt>
              <dd>{view.loaInForce}</dd>
              <dt className="font-bold">Lines closed out</dt>
              <dd data-testid="lines-closed">
                {closed} of {view.lines.length} supply/services complete or cancelled
                {view.supplyCompleteAt && ` — case supply/services complete since ${formatDate(view.supplyCompleteAt)}`}
              </dd>
              <dt className="font-bold">Expenditures so far</dt>
              <dd data-testid="case-expenditures">{formatUsd(view.expenditures)}</dd>
            </dl>
          )}
          {!view.acceptsRecords && view.loaInForce !== null && (
            <p className="mt-3 text-sm text-base-dark">
              {view.acceptsReceipts
                ? "New contracts, requisitions, shipments and services are recorded while the case is implemented or executing; shipments on their way can still be marked received."
                : "Execution is recorded while the case is implemented or executing."}
            </p>
          )}
          {partner && <p className="mt-3 text-sm text-base-dark">Contract amounts stay inside the U.S. Government; what you owe is on the Money page.</p>}
          {view.listsTruncated && (
            <Alert type="info" title="Only the most recent records are listed">
              Each list shows the latest 500 records of the case; the progress bars and totals count every one.
            </Alert>
          )}
        </Section>

        {view.lines.map((line) => (
          <LineSection key={line.lineNumber} view={view} line={line} permissions={permissions} partner={partner} today={today} />
        ))}
      </div>
    </div>
  );
}
