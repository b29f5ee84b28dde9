import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ChecklistPanel } from "@/components/lor/checklist-panel";
import { AgingTag, LorStatusTag } from "@/components/lor/status";
import { Timeline } from "@/components/lor/timeline";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { buttonLinkClass } from "@/components/ui/button";
import { formatBytes } from "@/domain/files";
import type { LorAction } from "@/domain/lor/workflow";
import { getLabels } from "@/i18n/labels";
import { getFormats } from "@/i18n/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("LorDetail");
  return { title: t("title") };
}

/** The notice after an action, by the `notice` the action redirected with (its message is LorDetail.notices.<key>). */
const NOTICES: Record<string, { type: "success" | "warning"; key: string }> = {
  submitted: { type: "success", key: "submitted" },
  "not-submitted": { type: "warning", key: "notSubmitted" },
  submit: { type: "success", key: "submit" },
  withdraw: { type: "success", key: "withdraw" },
  acknowledge: { type: "success", key: "acknowledge" },
  "mark-insufficient": { type: "success", key: "markInsufficient" },
  "mark-actionable": { type: "success", key: "markActionable" },
  "mark-complete": { type: "success", key: "markComplete" },
  "respond-pa": { type: "success", key: "respondPa" },
  disapprove: { type: "success", key: "disapprove" },
  attached: { type: "success", key: "attached" },
  removed: { type: "success", key: "removed" },
};

function Detail({ label, notGiven, children }: { label: string; notGiven: string; children: ReactNode }) {
  return (
    <div className="border-b border-base-lighter py-2 sm:grid sm:grid-cols-[14rem_1fr] sm:gap-4">
      <dt className="font-bold">{label}</dt>
      <dd className="whitespace-pre-line break-words">{children === null || children === undefined || children === "" ? <span className="text-base-dark">{notGiven}</span> : children}</dd>
    </div>
  );
}

/** A titled panel; its heading's id is fixed (not made from the title), so it is the same in every language. */
function Panel({ title, headingId, id, children }: { title: string; headingId: string; id?: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={headingId} className="mb-6 rounded border border-base-lighter bg-white p-5">
      <h2 id={headingId} className="mb-2 text-xl text-primary-darker">
        {title}
      </h2>
      {children}
    </section>
  );
}

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
  const [t, ta, tc, f, label] = await Promise.all([
    getTranslations("LorDetail"),
    getTranslations("LorActions"),
    getTranslations("LorChecklist"),
    getFormats(),
    getLabels(),
  ]);
  const yesNo = (value: boolean | null) => (value === null ? null : value ? t("yes") : t("no"));
  const criterionLabel = (key: string) => (tc.has(`criteria.${key}`) ? tc(`criteria.${key}` as never) : key);
  const notGiven = t("notGiven");
  const usgActions = (["acknowledge", "markActionable", "markInsufficient", "markComplete", "respondPriceAndAvailability", "disapprove"] as const).some(may);

  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/lors">{partner ? t("backPartner") : t("backUsg")}</Link>
      </p>
      <PageHeader
        title={lor.subject ?? t("untitled")}
        lead={
          <span className="flex flex-wrap items-center gap-3">
            <LorStatusTag status={lor.status} />
            <span>
              {t("countryReference", { country: lor.country.name, code: lor.country.code, reference: lor.originatorReference ?? t("referenceNotGiven") })}
            </span>
            {lor.case && (
              <span>
                {t("case")}{" "}
                <Link href={`/cases/${lor.case.id}`} className="font-mono font-bold" data-testid="case-link">
                  {lor.case.identifier}
                </Link>
                {" · "}
                <Link href={`/cases/${lor.case.id}/timeline`} data-testid="purchase-story-link">
                  {t("wholeStory")}
                </Link>
              </span>
            )}
          </span>
        }
        actions={
          editable ? (
            <Link href={`/lors/${lor.id}/edit`} className={buttonLinkClass}>
              {lor.status === "INSUFFICIENT" ? t("revise") : t("editDraft")}
            </Link>
          ) : undefined
        }
      />
      {shown && (
        <div className="mb-4">
          <Alert type={shown.type} title={t(`notices.${shown.key}` as never)} testId="notice" />
        </div>
      )}
      {lor.status === "INSUFFICIENT" && lor.statusReason && (
        <div className="mb-4">
          <Alert type="warning" title={t("needsChanges")}>
            <p className="whitespace-pre-line">{lor.statusReason}</p>
            {lor.insufficientCriteria.length > 0 && <p className="mt-1">{t("checklistItems", { items: lor.insufficientCriteria.map(criterionLabel).join(t("listSeparator")) })}</p>}
          </Alert>
        </div>
      )}
      {(lor.status === "DISAPPROVED" || lor.status === "WITHDRAWN") && lor.statusReason && (
        <div className="mb-4">
          <Alert type={lor.status === "DISAPPROVED" ? "error" : "warning"} title={lor.status === "DISAPPROVED" ? t("disapproved") : t("withdrawn")}>
            <p className="whitespace-pre-line">{lor.statusReason}</p>
          </Alert>
        </div>
      )}
      {lor.priceAndAvailability && (
        <div className="mb-4">
          <Alert type="success" title={t("paTitle")}>
            <p>
              {t("paEstimated", { value: f.usd(lor.priceAndAvailability.estimatedValue) })} {lor.priceAndAvailability.availability}
            </p>
            {lor.priceAndAvailability.notes && <p className="whitespace-pre-line">{lor.priceAndAvailability.notes}</p>}
            <p className="mt-1">{t("paPlanning")}</p>
          </Alert>
        </div>
      )}

      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div>
          {lor.validation && (
            <Panel title={t("validationTarget")} headingId="Validation-target-h">
              <p className="mb-2 text-sm">
                {t("validationReceived", { received: f.dateTime(lor.submittedAt), days: lor.validation.targetDays })}
              </p>
              <AgingTag aging={lor.validation} />
            </Panel>
          )}

          <Panel title={t("theRequest")} headingId="The-request-h">
            <dl>
              <Detail label={t("requestType")} notGiven={notGiven}>{lor.requestType ? label("lorRequestType", lor.requestType) : null}</Detail>
              {lor.relatedCaseIdentifier && <Detail label={t("existingCase")} notGiven={notGiven}>{lor.relatedCaseIdentifier}</Detail>}
              <Detail label={t("loaType")} notGiven={notGiven}>{lor.loaType ? label("loaType", lor.loaType) : null}</Detail>
              <Detail label={t("preferredAgency")} notGiven={notGiven}>{lor.preferredAgency ? `${lor.preferredAgency.name} (${lor.preferredAgency.code})` : t("noPreference")}</Detail>
              {!partner && <Detail label={t("routedTo")} notGiven={notGiven}>{lor.routedAgency ? `${lor.routedAgency.name} (${lor.routedAgency.code})` : t("notRoutedYet")}</Detail>}
              <Detail label={t("originatorName")} notGiven={notGiven}>{lor.originatorName}</Detail>
              <Detail label={t("address")} notGiven={notGiven}>{lor.originatorAddress}</Detail>
            </dl>
          </Panel>

          <Panel
            title={lor.loaType === "BLANKET_ORDER" ? t("blanketOrder") : t("articlesAndServices")}
            headingId={lor.loaType === "BLANKET_ORDER" ? "Blanket-order-h" : "Articles-and-services-h"}
          >
            {lor.loaType === "BLANKET_ORDER" ? (
              <dl>
                <Detail label={t("requestedValue")} notGiven={notGiven}>{lor.blanketValue ? f.usd(lor.blanketValue) : null}</Detail>
                <Detail label={t("category")} notGiven={notGiven}>{lor.blanketCategory}</Detail>
              </dl>
            ) : lor.items.length === 0 ? (
              <p className="text-base-dark">{t("noItems")}</p>
            ) : (
              <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={t("requestedItems")}>
                <table className="w-full text-start text-sm" data-testid="items-table">
                  <caption className="sr-only">{t("requestedItems")}</caption>
                  <thead className="bg-base-lightest">
                    <tr>
                      <th scope="col" className="px-2 py-2">#</th>
                      <th scope="col" className="px-2 py-2">{t("colItem")}</th>
                      <th scope="col" className="px-2 py-2 text-end">{t("colQuantity")}</th>
                      <th scope="col" className="px-2 py-2 text-end">{t("colEstimatedValue")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {lor.items.map((item, index) => (
                      <tr key={index} className="border-t border-base-lighter align-top">
                        <td className="px-2 py-2">{index + 1}</td>
                        <td className="px-2 py-2">
                          <span className="font-bold">{item.nomenclature ?? t("unnamedItem")}</span>
                          {item.description && <span className="block whitespace-pre-line text-base-dark">{item.description}</span>}
                        </td>
                        <td className="px-2 py-2 text-end">
                          {item.quantity ?? "—"} {item.unitOfIssue ? label("unitOfIssue", item.unitOfIssue).split(" (")[0]!.toLocaleLowerCase(f.locale) : ""}
                        </td>
                        <td className="px-2 py-2 text-end">{f.usd(item.estimatedValue)}</td>
                      </tr>
                    ))}
                  </tbody>
                  <tfoot>
                    <tr className="border-t-2 border-base-dark font-bold">
                      <td colSpan={3} className="px-2 py-2 text-end">
                        {t("totalOfEstimates")}
                      </td>
                      <td className="px-2 py-2 text-end">{lor.items.some((i) => i.estimatedValue) ? f.usd(lor.itemsTotal) : t("notEstimated")}</td>
                    </tr>
                  </tfoot>
                </table>
              </div>
            )}
          </Panel>

          <Panel title={t("fundingPanel")} headingId="Funding-delivery-and-support-h">
            <dl>
              <Detail label={t("financing")} notGiven={notGiven}>{lor.financing ? label("financing", lor.financing) : null}</Detail>
              {lor.financingNotes && <Detail label={t("financingNotes")} notGiven={notGiven}>{lor.financingNotes}</Detail>}
              <Detail label={t("deliveryBy")} notGiven={notGiven}>{lor.requestedDeliveryBy ? f.date(lor.requestedDeliveryBy) : null}</Detail>
              {lor.deliveryNotes && <Detail label={t("deliveryNotes")} notGiven={notGiven}>{lor.deliveryNotes}</Detail>}
              <Detail label={t("thirdParty")} notGiven={notGiven}>{yesNo(lor.thirdPartyInvolvement)}</Detail>
              {lor.thirdPartyDetails && <Detail label={t("thirdPartyDetails")} notGiven={notGiven}>{lor.thirdPartyDetails}</Detail>}
              <Detail label={t("soleSource")} notGiven={notGiven}>{yesNo(lor.soleSourceRequested)}</Detail>
              {lor.soleSourceRequested && (
                <>
                  <Detail label={t("soleSourceContractor")} notGiven={notGiven}>{lor.soleSourceContractor}</Detail>
                  <Detail label={t("soleSourceJustification")} notGiven={notGiven}>{lor.soleSourceJustification}</Detail>
                </>
              )}
              <Detail label={t("training")} notGiven={notGiven}>{lor.trainingNeeds}</Detail>
              <Detail label={t("logistics")} notGiven={notGiven}>{lor.logisticsNeeds}</Detail>
              <Detail label={t("transportation")} notGiven={notGiven}>{lor.transportationNeeds}</Detail>
            </dl>
          </Panel>

          <Panel title={t("contactsPanel")} headingId="Contacts-and-signatory-h">
            <dl>
              {lor.pointsOfContact.length === 0 && <Detail label={t("pointOfContact")} notGiven={notGiven}>{null}</Detail>}
              {lor.pointsOfContact.map((c, i) => (
                <Detail key={i} label={t("pointOfContactNumber", { number: i + 1 })} notGiven={notGiven}>
                  {[c.name, c.title, c.email, c.phone].filter(Boolean).join(" · ")}
                </Detail>
              ))}
              <Detail label={t("signatory")} notGiven={notGiven}>{[lor.signatoryName, lor.signatoryTitle].filter(Boolean).join(", ")}</Detail>
              <Detail label={t("authority")} notGiven={notGiven}>{lor.signatoryAuthority}</Detail>
              {lor.signedOn && <Detail label={t("signedOn")} notGiven={notGiven}>{f.date(lor.signedOn)}</Detail>}
            </dl>
          </Panel>

          <Panel title={t("attachments")} headingId="Attachments-h" id="attachments">
            {lor.attachments.length === 0 ? (
              <p className="text-base-dark">{t("noFiles")}</p>
            ) : (
              <ul className="divide-y divide-base-lighter" data-testid="attachments">
                {lor.attachments.map((a) => (
                  <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                    <span>
                      <a href={a.downloadUrl} className="font-bold" download>
                        {a.fileName}
                      </a>{" "}
                      <span className="text-sm text-base-dark">
                        {label("attachmentKind", a.kind)} · {formatBytes(a.sizeBytes)} · {f.date(a.uploadedAt)}
                      </span>
                    </span>
                    {editable && <RemoveAttachmentButton lorId={lor.id} attachmentId={a.id} fileName={a.fileName} />}
                  </li>
                ))}
              </ul>
            )}
            {editable && <UploadAttachmentForm lorId={lor.id} />}
          </Panel>

          <Panel title={t("timeline")} headingId="Timeline-h">
            <Timeline events={events} />
          </Panel>
        </div>

        <aside className="space-y-4">
          {(editable || may("withdraw")) && (
            <section aria-labelledby="partner-actions-h" className="rounded border border-base-lighter bg-white p-4">
              <h2 id="partner-actions-h" className="mb-3 text-lg">
                {t("whatYouCanDo")}
              </h2>
              {may("submit") &&
                (lor.checklist.ready ? (
                  <ActionButton target={target} action="submit" label={lor.status === "INSUFFICIENT" ? ta("resubmit") : ta("submit")} />
                ) : (
                  <p className="mb-3 text-sm">{t("fillChecklist")}</p>
                ))}
              {may("withdraw") && (
                <ReasonForm target={target} action="withdraw" summary={ta("withdrawSummary")} submitLabel={ta("withdrawSubmit")} label={ta("reason")} hint={ta("withdrawHint")} required={false} />
              )}
            </section>
          )}
          {usgActions && (
            <section aria-labelledby="validation-h" className="rounded border border-primary bg-primary-lighter/30 p-4" data-testid="validation-actions">
              <h2 id="validation-h" className="mb-3 text-lg">
                {t("validation")}
              </h2>
              {may("acknowledge") && (
                <AcknowledgeForm target={target} agencies={agencies} routeable={actor.role === "DSCA_ANALYST"} currentAgency={lor.routedAgency?.code ?? ""} />
              )}
              {may("markActionable") && <ActionButton target={target} action="mark-actionable" label={ta("markActionable")} variant="secondary" />}
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
                <ReasonForm target={target} action="disapprove" summary={ta("disapproveSummary")} submitLabel={ta("disapproveSubmit")} label={ta("reason")} hint={ta("disapproveHint")} required />
              )}
            </section>
          )}
          <ChecklistPanel score={lor.checklist.score} criteria={lor.checklist.criteria} flagged={lor.insufficientCriteria} />
        </aside>
      </div>
    </div>
  );
}
