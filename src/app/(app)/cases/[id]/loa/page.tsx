import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Tag } from "@/components/ui/card";
import { confirmableTypes } from "@/domain/loa/changes";
import { bindingConfirmation, boundDocumentOf } from "@/domain/workflow/binding-confirmation";
import { CASE_EVENTS } from "@/domain/workflow/case-workflow";
import { getLabels } from "@/i18n/labels";
import { requireActor } from "@/server/auth/actor";
import { getCase } from "@/server/cases/get-case";
import { getPricingReference } from "@/server/loa/builder-reference";
import { getWorkingLoa } from "@/server/loa/get-working-loa";
import { forPage } from "@/server/page-guard";
import { LoaBuilder } from "./loa-builder";
import { DocumentActionForm, SubmitChangeForm, SubmitForReviewForm } from "./submit-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("BuilderPage");
  return { title: t("title") };
}

export default async function LoaBuilderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const [t, label] = await Promise.all([getTranslations("BuilderPage"), getLabels()]);
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
        <Link href={`/cases/${id}`}>{t("backToCase", { identifier: found.identifier })}</Link>
      </p>
      <PageHeader
        title={working.startsChange ? t("changeTitle", { identifier: found.identifier }) : t("builderTitle", { name: doc.name })}
        lead={
          <span className="flex flex-wrap items-center gap-3">
            <Tag tone={doc.status === "DRAFT" ? "info" : "base"}>{label("documentStatus", doc.status)}</Tag>
            <span>
              {t("lead", {
                country: found.country.name,
                agency: found.implementingAgency.name,
                caseType: label("loaType", found.caseType).split(" (")[0] ?? "",
                version: doc.version,
              })}
            </span>
          </span>
        }
      />
      <div className="mb-6 grid gap-4">
        {working.lockedReason && <Alert type="info" title={t("readOnly")}>{working.lockedReason}</Alert>}
        {working.startsChange && (
          <Alert type="info" title={t("inForce", { name: doc.name })} testId="starts-change">
            {t("startsChange")}
          </Alert>
        )}
        {doc.status === "DRAFT" && doc.problems.length > 0 && (
          <Alert type="warning" title={t("problemsTitle")} testId="loa-problems">
            <ul className="ms-5 list-disc">
              {doc.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </Alert>
        )}
        {doc.changes && (
          <section aria-labelledby="change-heading" className="min-w-0 rounded border border-base-lighter bg-white p-5" data-testid="change-classification">
            <h2 id="change-heading" className="mb-2 text-xl text-primary-darker">
              {t("changeHeading", { identifier: found.identifier, number: doc.changes.baseNumber })}
            </h2>
            <p className="mb-3">
              <strong data-testid="change-proposal">{t("proposed", { proposal: doc.changes.proposal })}</strong>. {doc.changes.reason}
            </p>
            <ul className="mb-4 grid gap-1">
              {doc.changes.items.map((item, index) => (
                <li key={index}>
                  <Tag tone={item.kind === "ADMINISTRATIVE" ? "base" : item.kind === "PRICE" ? "info" : "warning"}>{label("changeKind", item.kind)}</Tag> {item.description}
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
              <DocumentActionForm caseId={id} number={doc.number} version={doc.version} action="withdraw" label={t("withdrawChange")} variant="secondary" />
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
            {doc.pdfSha256 ? t("previewPdf") : t("previewPdfDraft")}
          </a>
          {" · "}
          <Link href={`/cases/${id}/documents/${doc.number}`}>{t("viewDocument")}</Link>
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
