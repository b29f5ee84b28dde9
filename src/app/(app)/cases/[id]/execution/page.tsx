import Link from "next/link";
import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { randomUUID } from "node:crypto";
import { CaseSubpageHeader } from "@/components/case/case-subnav";
import { ProgressBar } from "@/components/execution/progress-bar";
import { RecordTable } from "@/components/execution/record-table";
import { useFormats } from "@/i18n/use-formats";
import { useLabels } from "@/i18n/use-labels";
import { Alert } from "@/components/ui/alert";
import { Tag } from "@/components/ui/card";
import { Section } from "@/components/ui/section";
import { milstripDocumentNumber } from "@/domain/execution/lines";
import { can, type Actor } from "@/domain/policy";
import type { ExecutionView, LineExecutionView } from "@/domain/schemas/execution";
import { isoDay } from "@/domain/sla";
import { getFormats } from "@/i18n/server";
import { requireActor } from "@/server/auth/actor";
import { getCaseExecution } from "@/server/execution/get-case-execution";
import { forPage } from "@/server/page-guard";
import { CompletionForm, ContractForm, RequisitionForm, ServiceForm, ShipmentForm, ShipmentStatusForms, type LineTarget } from "./execution-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ExecPage");
  return { title: t("title") };
}

const NOTICES = ["obligation", "requisition", "shipment", "service", "completion", "in-transit", "received"] as const;
const isNotice = (value: string | undefined): value is (typeof NOTICES)[number] => (NOTICES as readonly string[]).includes(value ?? "");

const cell = "px-3 py-2 align-top";
const number = `${cell} text-end tabular-nums whitespace-nowrap`;

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

/** "08 — priority": the UMMIPS designator and its class (01–03 emergency, 04–08 priority, the rest routine). */
function usePriorityLabel() {
  const tPriority = useTranslations("ExecPriority");
  return (priority: string) => {
    const n = Number(priority);
    return n <= 3
      ? tPriority("emergency", { code: priority })
      : n <= 8
        ? tPriority("priority", { code: priority })
        : tPriority("routine", { code: priority });
  };
}

function LineFacts({ line }: { line: LineExecutionView }) {
  const t = useTranslations("ExecPage");
  const f = useFormats();
  const label = useLabels();
  const unitWord = line.serviceUnitLabel === "months" ? t("unitMonths") : t("unitEvents");
  const target =
    line.kind === "ARTICLES"
      ? t("targetArticles", { quantity: String(line.quantity ?? 0), unit: line.unitOfIssue ?? "", value: f.usd(line.value) })
      : line.kind === "SERVICES"
        ? line.serviceUnits
          ? t("targetServices", { units: line.serviceUnits, unit: unitWord, value: f.usd(line.value) })
          : f.usd(line.value)
        : t("targetBlanket", { value: f.usd(line.value) });
  return (
    <dl className="mb-3 grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
      <dt className="font-bold">{t("howExecuted")}</dt>
      <dd>{label("lineKind", line.kind)}</dd>
      <dt className="font-bold">{t("onTheLoa")}</dt>
      <dd>{target}</dd>
      <dt className="font-bold">{t("expenditures")}</dt>
      <dd data-testid={`expenditures-${line.lineNumber}`}>{t("expendituresValue", { value: f.usd(line.expenditures) })}</dd>
      {line.remainingValue !== null && (
        <>
          <dt className="font-bold">{t("remainingValue")}</dt>
          <dd data-testid={`remaining-${line.lineNumber}`}>{t("remainingValueText", { value: f.usd(line.remainingValue) })}</dd>
        </>
      )}
      {line.completion && (
        <>
          <dt className="font-bold">{line.completion.outcome === "CANCELLED" ? t("cancelled") : t("supplyComplete")}</dt>
          <dd>
            {f.date(line.completion.declaredAt)}
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
  const t = useTranslations("ExecPage");
  const lineStatus = useTranslations("ExecLineStatus");
  const f = useFormats();
  const label = useLabels();
  const priorityLabel = usePriorityLabel();
  const target: LineTarget = { caseId: view.caseId, lineNumber: line.lineNumber, today };
  const open = line.status === "OPEN";
  const openRequisitions = line.requisitions.filter((r) => r.status === "OPEN");
  return (
    <section id={`line-${line.lineNumber}`} aria-labelledby={`line-${line.lineNumber}-title`} className="min-w-0 scroll-mt-4 rounded border border-base-lighter bg-white p-5" data-testid={`line-${line.lineNumber}`}>
      <h2 id={`line-${line.lineNumber}-title`} className="mb-2 flex flex-wrap items-center gap-2 text-xl text-primary-darker">
        <span>{t("line", { number: line.lineNumber })}</span>
        <span className="min-w-0 break-words text-lg text-ink">{line.description}</span>
        <Tag tone={line.status === "OPEN" ? "info" : line.status === "CANCELLED" ? "base" : "success"}>{lineStatus(line.status)}</Tag>
      </h2>
      <LineFacts line={line} />

      <div className="max-w-2xl">
        {line.measures.map((measure) => (
          <ProgressBar key={measure.key} id={`line-${line.lineNumber}-${measure.key}`} measure={measure} line={line} />
        ))}
      </div>

      {line.obligations.length > 0 && (
        <RecordTable title={t("contractsTitle", { number: line.lineNumber })}
          columns={partner ? [t("colContract"), t("colAwarded")] : [t("colContract"), t("colAwarded"), t("colObligated")]} testId={`contracts-${line.lineNumber}`}>
          {line.obligations.map((o) => (
            <tr key={o.id}>
              <td className={`${cell} font-mono`}>{o.contractNumber}</td>
              <td className={cell}>{f.date(o.awardedOn)}</td>
              {!partner && <td className={number}>{f.usd(o.amount)}</td>}
            </tr>
          ))}
        </RecordTable>
      )}

      {line.kind === "BLANKET" && line.requisitions.length > 0 && (
        <RecordTable
          title={t("requisitionsTitle", { number: line.lineNumber })}
          columns={[t("colDocumentNumber"), t("colItem"), t("colQuantity"), t("colUnitPrice"), t("colAmount"), t("colPriority"), t("colStatus")]}
          testId={`requisitions-${line.lineNumber}`}
        >
          {line.requisitions.map((r) => (
            <tr key={r.id}>
              <td className={`${cell} font-mono`}>{r.documentNumber}</td>
              <td className={cell}>
                {r.itemDescription}
                {r.nsn && <span className="block text-xs text-base-dark">{t("nsn", { nsn: r.nsn })}</span>}
              </td>
              <td className={number}>
                {r.quantity}
                {r.shippedQuantity > 0 && r.shippedQuantity < r.quantity && <span className="block text-xs">{t("shippedCount", { count: String(r.shippedQuantity) })}</span>}
              </td>
              <td className={number}>{f.usd(r.unitPrice)}</td>
              <td className={number}>{f.usd(r.amount)}</td>
              <td className={`${cell} whitespace-nowrap`}>{priorityLabel(r.priority)}</td>
              <td className={cell}>
                <Tag tone={r.status === "SHIPPED" ? "success" : r.status === "CANCELLED" ? "base" : "warning"}>{label("requisitionStatus", r.status)}</Tag>
              </td>
            </tr>
          ))}
        </RecordTable>
      )}

      {line.shipments.length > 0 && (
        <RecordTable
          title={t("shipmentsTitle", { number: line.lineNumber })}
          columns={[
            t("colDocument"),
            t("colQuantity"),
            t("colShipped"),
            t("colMode"),
            t("colTracking"),
            t("colStatus"),
            ...(permissions.receive || permissions.markInTransit ? [t("colNextStep")] : []),
          ]}
          testId={`shipments-${line.lineNumber}`}
        >
          {line.shipments.map((s) => (
            <tr key={s.id} data-testid={`shipment-${s.documentNumber}`}>
              <td className={`${cell} font-mono`}>
                {s.documentNumber}
                {s.requisitionDocumentNumber && <span className="block text-xs text-base-dark">{t("forRequisition", { document: s.requisitionDocumentNumber })}</span>}
              </td>
              <td className={number}>
                {s.quantity}
                <span className="block text-xs">{f.usd(s.value)}</span>
              </td>
              <td className={`${cell} whitespace-nowrap`}>{f.date(s.shippedOn)}</td>
              <td className={cell}>{label("shipmentMode", s.mode)}</td>
              <td className={`${cell} min-w-[12rem] break-words`}>{s.trackingReference}</td>
              <td className={`${cell} min-w-[10rem]`}>
                <Tag tone={shipmentTone(s.status)}>{label("shipmentStatus", s.status)}</Tag>
                {s.status === "RECEIVED" && (
                  <span className="mt-1 block text-xs">
                    {t("receivedBy", { date: f.date(s.receivedOn), name: s.receivedBy ?? "" })}
                  </span>
                )}
              </td>
              {(permissions.receive || permissions.markInTransit) && (
                <td className={`${cell} min-w-[14rem]`}>
                  {s.status === "RECEIVED" ? (
                    permissions.fileSdr ? (
                      <Link href={`/cases/${view.caseId}/sdrs/new?shipment=${s.id}`} data-testid={`report-discrepancy-${s.documentNumber}`}>
                        {t("reportDiscrepancy")}
                        <span className="sr-only">{t("shipmentSr", { document: s.documentNumber })}</span>
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
        <RecordTable title={t("servicesTitle", { number: line.lineNumber })}
          columns={[t("colPeriod"), line.serviceUnitLabel === "months" ? t("colMonths") : t("colEvents"), t("colValue"), t("colWhat")]} testId={`services-${line.lineNumber}`}>
          {line.services.map((s) => (
            <tr key={s.id}>
              <td className={`${cell} whitespace-nowrap`}>
                {t("period", { from: f.date(s.performedFrom), to: f.date(s.performedTo) })}
              </td>
              <td className={number}>{s.units}</td>
              <td className={number}>{f.usd(s.value)}</td>
              <td className={`${cell} min-w-[12rem]`}>{s.description}</td>
            </tr>
          ))}
        </RecordTable>
      )}

      {line.obligations.length + line.requisitions.length + line.shipments.length + line.services.length === 0 && (
        <p className="mt-3 text-sm text-base-dark">{t("nothingRecorded")}</p>
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
  const t = await getTranslations("ExecPage");
  const f = await getFormats();
  const shown = isNotice(notice) ? t(`notice.${notice}`) : undefined;
  const closed = view.lines.filter((l) => l.status !== "OPEN").length;
  return (
    <div>
      <CaseSubpageHeader
        caseId={view.caseId}
        identifier={view.identifier}
        title={t("title")}
        status={view.status}
        countryName={view.country.name}
        agencyName={view.implementingAgency.name}
        current="lines"
      />
      {shown && <Alert type="success" title={shown} testId="notice" />}

      <div className="mt-4 grid gap-6">
        <Section id="execution-overview" title={t("overviewTitle")} testId="execution-overview">
          {view.loaInForce === null ? (
            <p>{t("noLoa")}</p>
          ) : (
            <dl className="grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[14rem_1fr]">
              <dt className="font-bold">{t("measuredAgainst")}</dt>
              <dd>{view.loaInForce}</dd>
              <dt className="font-bold">{t("linesClosedOut")}</dt>
              <dd data-testid="lines-closed">
                {t("closedCount", { closed, total: view.lines.length })}
                {view.supplyCompleteAt && t("caseCompleteSince", { date: f.date(view.supplyCompleteAt) })}
              </dd>
              <dt className="font-bold">{t("expendituresSoFar")}</dt>
              <dd data-testid="case-expenditures">{f.usd(view.expenditures)}</dd>
            </dl>
          )}
          {!view.acceptsRecords && view.loaInForce !== null && (
            <p className="mt-3 text-sm text-base-dark">
              {view.acceptsReceipts ? t("recordsClosedReceiptsOpen") : t("recordsClosed")}
            </p>
          )}
          {partner && <p className="mt-3 text-sm text-base-dark">{t("partnerNote")}</p>}
          {view.listsTruncated && (
            <Alert type="info" title={t("truncatedTitle")}>
              {t("truncatedBody")}
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
