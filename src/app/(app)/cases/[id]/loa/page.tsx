import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Tag } from "@/components/ui/card";
import { CHANGE_KIND_LABELS, confirmableTypes } from "@/domain/loa/changes";
import { DOCUMENT_STATUS_LABELS } from "@/domain/loa/codes";
import { LOA_TYPE_LABELS } from "@/domain/lor/codes";
import { bindingConfirmation, boundDocumentOf } from "@/domain/workflow/binding-confirmation";
import { CASE_EVENTS } from "@/domain/workflow/case-workflow";
import { requireActor } from "@/server/auth/actor";
import { getCase } from "@/server/cases/get-case";
import { getPricingReference } from "@/server/loa/builder-reference";
import { getWorkingLoa } from "@/server/loa/get-working-loa";
import { forPage } from "@/server/page-guard";
import { LoaBuilder } from "./loa-builder";
import { DocumentActionForm, SubmitChangeForm, SubmitForReviewForm } from "./submit-forms";

export const metadata: Metadata = { title: "LOA builder" };

export default async function LoaBuilderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [working, found, reference] = await Promise.all([
    forPage(() => getWorkingLoa(actor, id)),
    forPage(() => getCase(actor, id)),
    forPage(() => getPricingReference(actor)),
  ]);
  const doc = working.document;
  const isChange = doc.documentType !== "BASIC";
  const unsubmittedChange = isChange && doc.status === "DRAFT";
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={`/cases/${id}`}>← Case {found.identifier}</Link>
      </p>
      <PageHeader
        title={working.startsChange ? `Change ${found.identifier}` : `LOA builder: ${doc.name}`}
        lead={
          <span className="flex flex-wrap items-center gap-3">
            <Tag tone={doc.status === "DRAFT" ? "info" : "base"}>{DOCUMENT_STATUS_LABELS[doc.status]}</Tag>
            <span>
              {found.country.name} · {found.implementingAgency.name} · {LOA_TYPE_LABELS[found.caseType].split(" (")[0]} · version {doc.version}
            </span>
          </span>
        }
      />
      <div className="mb-6 grid gap-4">
        {working.lockedReason && <Alert type="info" title="Read only">{working.lockedReason}</Alert>}
        {working.startsChange && (
          <Alert type="info" title={`${doc.name} is in force`} testId="starts-change">
            Saving creates a proposed change (an Amendment or a Modification). Lines already accepted keep their locked administrative rate; more
            quantity or value goes on a new line at the current rate.
          </Alert>
        )}
        {doc.status === "DRAFT" && doc.problems.length > 0 && (
          <Alert type="warning" title="Before this LOA can go to review" testId="loa-problems">
            <ul className="ml-5 list-disc">
              {doc.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </Alert>
        )}
        {doc.changes && (
          <section aria-labelledby="change-heading" className="min-w-0 rounded border border-base-lighter bg-white p-5" data-testid="change-classification">
            <h2 id="change-heading" className="mb-2 text-xl text-primary-darker">
              What changes from {found.identifier} document {doc.changes.baseNumber}
            </h2>
            <p className="mb-3">
              <strong data-testid="change-proposal">Proposed: {doc.changes.proposal === "NONE" ? "no change yet" : doc.changes.proposal.replace("_", " ").toLowerCase()}</strong>. {doc.changes.reason}
            </p>
            <ul className="mb-4 grid gap-1">
              {doc.changes.items.map((item, index) => (
                <li key={index}>
                  <Tag tone={item.kind === "ADMINISTRATIVE" ? "base" : item.kind === "PRICE" ? "info" : "warning"}>{CHANGE_KIND_LABELS[item.kind]}</Tag> {item.description}
                </li>
              ))}
            </ul>
            {unsubmittedChange && actorMayEdit(doc.availableActions) && (
              <SubmitChangeForm
                caseId={id}
                number={doc.number}
                version={doc.version}
                proposal={doc.changes.proposal}
                allowed={confirmableTypes(doc.changes.proposal)}
                blocked={doc.problems.length > 0}
              />
            )}
            {doc.availableActions.includes("withdraw") && (
              <DocumentActionForm caseId={id} number={doc.number} version={doc.version} action="withdraw" label="Withdraw this change" variant="secondary" />
            )}
          </section>
        )}
        {!isChange && found.availableActions.includes("approve-loa") && (
          <SubmitForReviewForm
            caseId={id}
            caseVersion={found.version}
            blocked={doc.problems.length > 0}
            confirmation={bindingConfirmation("approve-loa", CASE_EVENTS["approve-loa"].label, boundDocumentOf("approve-loa", [doc]))}
          />
        )}
        <p>
          <a href={`/api/v1/cases/${id}/documents/${doc.number}/pdf`} data-testid="preview-pdf">
            Preview the saved version as a PDF{doc.pdfSha256 ? "" : " (marked DRAFT)"}
          </a>
          {" · "}
          <Link href={`/cases/${id}/documents/${doc.number}`}>View this document</Link>
        </p>
      </div>
      <LoaBuilder
        key={doc.number}
        caseId={id}
        document={doc}
        rates={reference.rates}
        natoPlus={found.country.natoPlus === true}
        noteLibrary={reference.noteLibrary}
        editable={working.editable}
      />
    </div>
  );
}

const actorMayEdit = (actions: readonly string[]) => actions.includes("submit");
