import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { ChecklistPanel } from "@/components/lor/checklist-panel";
import { AgingTag, LorStatusTag } from "@/components/lor/status";
import { Timeline } from "@/components/lor/timeline";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { buttonLinkClass } from "@/components/ui/button";
import { formatBytes } from "@/domain/files";
import { ATTACHMENT_KIND_LABELS, FINANCING_LABELS, LOA_TYPE_LABELS, LOR_REQUEST_TYPE_LABELS, UNIT_OF_ISSUE_LABELS } from "@/domain/lor/codes";
import { checklistLabel } from "@/domain/lor/checklist";
import type { LorAction } from "@/domain/lor/workflow";
import { formatUsd } from "@/domain/money";
import { formatDate, formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { getLor } from "@/server/lors/get-lor";
import { listLorEvents } from "@/server/lors/list-lor-events";
import { listImplementingAgencies } from "@/server/organizations/list-implementing-agencies";
import { forPage } from "@/server/page-guard";
import {
  AcknowledgeForm,
  ActionButton,
  CompleteForm,
  InsufficientForm,
  PriceAndAvailabilityForm,
  ReasonForm,
  RemoveAttachmentButton,
  UploadAttachmentForm,
} from "../lor-action-forms";

export const metadata: Metadata = { title: "Letter of request" };

const NOTICES: Record<string, { type: "success" | "warning"; title: string }> = {
  submitted: { type: "success", title: "Your letter was submitted. DSCA and the implementing agency have it now." },
  "not-submitted": { type: "warning", title: "Your draft is saved, but it cannot be submitted yet. The checklist shows what is missing." },
  submit: { type: "success", title: "Submitted. The U.S. Government has it now." },
  withdraw: { type: "success", title: "The letter was withdrawn." },
  acknowledge: { type: "success", title: "Receipt acknowledged. Validation has started." },
  "mark-insufficient": { type: "success", title: "Returned to the partner as insufficient." },
  "mark-actionable": { type: "success", title: "Marked actionable." },
  "mark-complete": { type: "success", title: "Marked complete." },
  "respond-pa": { type: "success", title: "The P&A answer was recorded and is visible to the partner." },
  disapprove: { type: "success", title: "The request was disapproved." },
  attached: { type: "success", title: "File attached." },
  removed: { type: "success", title: "File removed." },
};

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="border-b border-base-lighter py-2 sm:grid sm:grid-cols-[14rem_1fr] sm:gap-4">
      <dt className="font-bold">{label}</dt>
      <dd className="whitespace-pre-line break-words">{children === null || children === undefined || children === "" ? <span className="text-base-dark">Not given</span> : children}</dd>
    </div>
  );
}

function Panel({ title, id, children }: { title: string; id?: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${title}-h`.replace(/\W+/g, "-")} className="mb-6 rounded border border-base-lighter bg-white p-5">
      <h2 id={`${title}-h`.replace(/\W+/g, "-")} className="mb-2 text-xl text-primary-darker">
        {title}
      </h2>
      {children}
    </section>
  );
}

const yesNo = (value: boolean | null) => (value === null ? null : value ? "Yes" : "No");

export default async function LorPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const { id } = await params;
  const { notice } = await searchParams;
  const [lor, events, agencyRows] = await forPage(() => Promise.all([getLor(actor, id), listLorEvents(actor, id), listImplementingAgencies(actor)]));
  const agencies = agencyRows.map((a) => ({ code: a.code, name: a.shortName ?? a.name }));
  const target = { lorId: lor.id, version: lor.version };
  const partner = actor.role === "PARTNER_OFFICER";
  const editable = lor.availableActions.includes("edit");
  const shown = notice ? NOTICES[notice] : undefined;
  // What the server says this person may do now (policy table and state table together).
  const may = (action: LorAction) => lor.availableActions.includes(action);
  const usgActions = (["acknowledge", "markActionable", "markInsufficient", "markComplete", "respondPriceAndAvailability", "disapprove"] as const).some(may);

  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/lors">← {partner ? "My letters of request" : "Incoming letters of request"}</Link>
      </p>
      <PageHeader
        title={lor.subject ?? "Untitled draft"}
        lead={
          <span className="flex flex-wrap items-center gap-3">
            <LorStatusTag status={lor.status} />
            <span>
              {lor.country.name} ({lor.country.code}) · reference {lor.originatorReference ?? "not given"}
            </span>
            {lor.case && (
              <span>
                Case{" "}
                <Link href={`/cases/${lor.case.id}`} className="font-mono font-bold" data-testid="case-link">
                  {lor.case.identifier}
                </Link>
                {" · "}
                <Link href={`/cases/${lor.case.id}/timeline`} data-testid="purchase-story-link">
                  See the whole story of this purchase
                </Link>
              </span>
            )}
          </span>
        }
        actions={
          editable ? (
            <Link href={`/lors/${lor.id}/edit`} className={buttonLinkClass}>
              {lor.status === "INSUFFICIENT" ? "Revise the letter" : "Edit draft"}
            </Link>
          ) : undefined
        }
      />
      {shown && (
        <div className="mb-4">
          <Alert type={shown.type} title={shown.title} testId="notice" />
        </div>
      )}
      {lor.status === "INSUFFICIENT" && lor.statusReason && (
        <div className="mb-4">
          <Alert type="warning" title="The U.S. Government needs changes before it can act">
            <p className="whitespace-pre-line">{lor.statusReason}</p>
            {lor.insufficientCriteria.length > 0 && <p className="mt-1">Checklist items: {lor.insufficientCriteria.map(checklistLabel).join(", ")}.</p>}
          </Alert>
        </div>
      )}
      {(lor.status === "DISAPPROVED" || lor.status === "WITHDRAWN") && lor.statusReason && (
        <div className="mb-4">
          <Alert type={lor.status === "DISAPPROVED" ? "error" : "warning"} title={lor.status === "DISAPPROVED" ? "Disapproved" : "Withdrawn"}>
            <p className="whitespace-pre-line">{lor.statusReason}</p>
          </Alert>
        </div>
      )}
      {lor.priceAndAvailability && (
        <div className="mb-4">
          <Alert type="success" title="Price and availability data (non-binding)">
            <p>
              Estimated value {formatUsd(lor.priceAndAvailability.estimatedValue)}. {lor.priceAndAvailability.availability}
            </p>
            {lor.priceAndAvailability.notes && <p className="whitespace-pre-line">{lor.priceAndAvailability.notes}</p>}
            <p className="mt-1">This estimate is for planning only. It is not an offer. Request an LOA to receive one.</p>
          </Alert>
        </div>
      )}

      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div>
          {lor.validation && (
            <Panel title="Validation target">
              <p className="mb-2 text-sm">
                Received {formatDateTime(lor.submittedAt)}. The U.S. Government aims to validate a letter within {lor.validation.targetDays} days of receipt.
              </p>
              <AgingTag aging={lor.validation} />
            </Panel>
          )}

          <Panel title="The request">
            <dl>
              <Detail label="Request type">{lor.requestType ? LOR_REQUEST_TYPE_LABELS[lor.requestType] : null}</Detail>
              {lor.relatedCaseIdentifier && <Detail label="Existing case">{lor.relatedCaseIdentifier}</Detail>}
              <Detail label="Type of LOA">{lor.loaType ? LOA_TYPE_LABELS[lor.loaType] : null}</Detail>
              <Detail label="Preferred agency">{lor.preferredAgency ? `${lor.preferredAgency.name} (${lor.preferredAgency.code})` : "No preference"}</Detail>
              {!partner && <Detail label="Routed to">{lor.routedAgency ? `${lor.routedAgency.name} (${lor.routedAgency.code})` : "Not routed yet"}</Detail>}
              <Detail label="Originating office">{lor.originatorName}</Detail>
              <Detail label="Address">{lor.originatorAddress}</Detail>
            </dl>
          </Panel>

          <Panel title={lor.loaType === "BLANKET_ORDER" ? "Blanket order" : "Articles and services"}>
            {lor.loaType === "BLANKET_ORDER" ? (
              <dl>
                <Detail label="Requested value">{lor.blanketValue ? formatUsd(lor.blanketValue) : null}</Detail>
                <Detail label="Category">{lor.blanketCategory}</Detail>
              </dl>
            ) : lor.items.length === 0 ? (
              <p className="text-base-dark">No items listed yet.</p>
            ) : (
              <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="Requested items">
                <table className="w-full text-left text-sm" data-testid="items-table">
                  <caption className="sr-only">Requested items</caption>
                  <thead className="bg-base-lightest">
                    <tr>
                      <th scope="col" className="px-2 py-2">#</th>
                      <th scope="col" className="px-2 py-2">Item and configuration</th>
                      <th scope="col" className="px-2 py-2 text-right">Quantity</th>
                      <th scope="col" className="px-2 py-2 text-right">Estimated value</th>
                    </tr>
                  </thead>
                  <tbody>
                    {lor.items.map((item, index) => (
                      <tr key={index} className="border-t border-base-lighter align-top">
                        <td className="px-2 py-2">{index + 1}</td>
                        <td className="px-2 py-2">
                          <span className="font-bold">{item.nomenclature ?? "Unnamed item"}</span>
                          {item.description && <span className="block whitespace-pre-line text-base-dark">{item.description}</span>}
                        </td>
                        <td className="px-2 py-2 text-right">
                          {item.quantity ?? "—"} {item.unitOfIssue ? UNIT_OF_ISSUE_LABELS[item.unitOfIssue].split(" (")[0]!.toLowerCase() : ""}
                        </td>
                        <td className="px-2 py-2 text-right">{formatUsd(item.estimatedValue)}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr className="border-t-2 border-base-dark font-bold">
                      <td colSpan={3} className="px-2 py-2 text-right">
                        Total of estimates
                      </td>
                      <td className="px-2 py-2 text-right">{lor.items.some((i) => i.estimatedValue) ? formatUsd(lor.itemsTotal) : "Not estimated"}</td>
                    </tr>
                  </tfoot>
                </table>
              </div>
            )}
          </Panel>

          <Panel title="Funding, delivery and support">
            <dl>
              <Detail label="Proposed financing">{lor.financing ? FINANCING_LABELS[lor.financing] : null}</Detail>
              {lor.financingNotes && <Detail label="Financing details">{lor.financingNotes}</Detail>}
              <Detail label="Delivery needed by">{lor.requestedDeliveryBy ? formatDate(lor.requestedDeliveryBy) : null}</Detail>
              {lor.deliveryNotes && <Detail label="Delivery details">{lor.deliveryNotes}</Detail>}
              <Detail label="Third-party involvement">{yesNo(lor.thirdPartyInvolvement)}</Detail>
              {lor.thirdPartyDetails && <Detail label="Third parties">{lor.thirdPartyDetails}</Detail>}
              <Detail label="Sole source requested">{yesNo(lor.soleSourceRequested)}</Detail>
              {lor.soleSourceRequested && (
                <>
                  <Detail label="Requested contractor">{lor.soleSourceContractor}</Detail>
                  <Detail label="Justification">{lor.soleSourceJustification}</Detail>
                </>
              )}
              <Detail label="Training">{lor.trainingNeeds}</Detail>
              <Detail label="Logistics support">{lor.logisticsNeeds}</Detail>
              <Detail label="Transportation">{lor.transportationNeeds}</Detail>
            </dl>
          </Panel>

          <Panel title="Contacts and signatory">
            <dl>
              {lor.pointsOfContact.length === 0 && <Detail label="Point of contact">{null}</Detail>}
              {lor.pointsOfContact.map((c, i) => (
                <Detail key={i} label={`Point of contact ${i + 1}`}>
                  {[c.name, c.title, c.email, c.phone].filter(Boolean).join(" · ")}
                </Detail>
              ))}
              <Detail label="Signatory">{[lor.signatoryName, lor.signatoryTitle].filter(Boolean).join(", ")}</Detail>
              <Detail label="Authority">{lor.signatoryAuthority}</Detail>
              {lor.signedOn && <Detail label="Signed on">{formatDate(lor.signedOn)}</Detail>}
            </dl>
          </Panel>

          <Panel title="Attachments" id="attachments">
            {lor.attachments.length === 0 ? (
              <p className="text-base-dark">No files attached.</p>
            ) : (
              <ul className="divide-y divide-base-lighter" data-testid="attachments">
                {lor.attachments.map((a) => (
                  <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                    <span>
                      <a href={a.downloadUrl} className="font-bold" download>
                        {a.fileName}
                      </a>{" "}
                      <span className="text-sm text-base-dark">
                        {ATTACHMENT_KIND_LABELS[a.kind]} · {formatBytes(a.sizeBytes)} · {formatDate(a.uploadedAt)}
                      </span>
                    </span>
                    {editable && <RemoveAttachmentButton lorId={lor.id} attachmentId={a.id} fileName={a.fileName} />}
                  </li>
                ))}
              </ul>
            )}
            {editable && <UploadAttachmentForm lorId={lor.id} />}
          </Panel>

          <Panel title="Timeline">
            <Timeline events={events} />
          </Panel>
        </div>

        <aside className="space-y-4">
          {(editable || may("withdraw")) && (
            <section aria-labelledby="partner-actions-h" className="rounded border border-base-lighter bg-white p-4">
              <h2 id="partner-actions-h" className="mb-3 text-lg">
                What you can do
              </h2>
              {may("submit") &&
                (lor.checklist.ready ? (
                  <ActionButton target={target} action="submit" label={lor.status === "INSUFFICIENT" ? "Resubmit the letter" : "Submit the letter"} />
                ) : (
                  <p className="mb-3 text-sm">Fill in every required checklist item to submit.</p>
                ))}
              {may("withdraw") && (
                <ReasonForm target={target} action="withdraw" summary="Withdraw this letter" submitLabel="Withdraw the letter" label="Reason" hint="Tell the U.S. Government why, if you wish" required={false} />
              )}
            </section>
          )}
          {usgActions && (
            <section aria-labelledby="validation-h" className="rounded border border-primary bg-primary-lighter/30 p-4" data-testid="validation-actions">
              <h2 id="validation-h" className="mb-3 text-lg">
                Validation
              </h2>
              {may("acknowledge") && (
                <AcknowledgeForm target={target} agencies={agencies} routeable={actor.role === "DSCA_ANALYST"} currentAgency={lor.routedAgency?.code ?? ""} />
              )}
              {may("markActionable") && <ActionButton target={target} action="mark-actionable" label="Mark actionable" variant="secondary" />}
              {may("markComplete") && (
                <CompleteForm
                  target={target}
                  agencies={agencies}
                  defaultAgency={lor.routedAgency?.code ?? lor.preferredAgency?.code ?? ""}
                  chooseAgency={actor.role !== "IA_CASE_MANAGER"}
                  opensCase={lor.requestType === "LOA"}
                />
              )}
              {may("markInsufficient") && <InsufficientForm target={target} criteria={lor.checklist.criteria.filter((c) => c.applicable)} />}
              {may("respondPriceAndAvailability") && <PriceAndAvailabilityForm target={target} />}
              {may("disapprove") && (
                <ReasonForm target={target} action="disapprove" summary="Disapprove the request" submitLabel="Disapprove" label="Reason" hint="Policy, technology security or eligibility. The partner sees this." required />
              )}
            </section>
          )}
          <ChecklistPanel score={lor.checklist.score} criteria={lor.checklist.criteria} flagged={lor.insufficientCriteria} />
        </aside>
      </div>
    </div>
  );
}
