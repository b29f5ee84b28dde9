import "server-only";
import { createHash } from "node:crypto";
import { canonicalJson } from "@/domain/audit-chain";
import { evaluateChecklist, type ChecklistResult } from "@/domain/lor/checklist";
import type { AttachmentKind, LorStatus } from "@/domain/lor/codes";
import { availableLorActions, lorPolicySubject } from "@/domain/lor/access";
import type { Actor, PolicySubject } from "@/domain/policy";
import type { LorSummaryView, LorView } from "@/domain/schemas/lor";
import { agingOf } from "@/domain/sla";
import { isAwaitingValidation } from "@/domain/lor/workflow";
import { sumAmounts } from "@/domain/money";
import { Prisma } from "../../generated/prisma/client";
import type { Tx } from "../db";
import { prepared } from "../json-rows";
import { CONTENT_FIELDS } from "./lor-content";
import { loadLorRow } from "./lor-rows";

// How a letter of request is loaded, checked against the policy, turned into the API/page view, and written back.

export const lorInclude = {
  country: { select: { id: true, code: true, name: true } },
  preferredAgency: { select: { id: true, code: true, name: true } },
  routedAgency: { select: { id: true, code: true, name: true } },
  case: { select: { id: true, identifier: true } },
  validationSla: true,
  attachments: {
    select: { id: true, kind: true, fileName: true, contentType: true, sizeBytes: true, sha256: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  },
} satisfies Prisma.LetterOfRequestInclude;

export type LorRow = Prisma.LetterOfRequestGetPayload<{ include: typeof lorInclude }>;


/** What the policy table needs to know about a letter. */
export function lorSubject(row: { countryId: string; firstSubmittedAt: Date | null; routedAgencyId: string | null }): PolicySubject {
  return lorPolicySubject({ countryId: row.countryId, submitted: row.firstSubmittedAt !== null, routedAgencyId: row.routedAgencyId });
}

/** Which letters a list may show this actor: a partner their own country's, USG staff those submitted at least once. */
export function lorScope(actor: Actor): Prisma.LetterOfRequestWhereInput {
  return actor.role === "PARTNER_OFFICER" ? { countryId: actor.organizationId } : { firstSubmittedAt: { not: null } };
}

/** lorScope in SQL, on `letters_of_request l`, for the reads written in SQL (the list, its export, full-text search). */
export function lorScopeCondition(actor: Actor): Prisma.Sql {
  return actor.role === "PARTNER_OFFICER" ? Prisma.sql`l.country_id = ${actor.organizationId}::uuid` : Prisma.sql`l.first_submitted_at IS NOT NULL`;
}

const isoDate = (value: Date | null) => (value ? value.toISOString().slice(0, 10) : null);
const iso = (value: Date | null) => (value ? value.toISOString() : null);
const money = (value: Prisma.Decimal | null) => (value === null ? null : value.toFixed(2));
export const todayUtc = (now = new Date()) => now.toISOString().slice(0, 10);

type StoredItem = { nomenclature?: string | null; description?: string | null; quantity?: number | null; unitOfIssue?: string | null; estimatedValue?: string | null };
type StoredContact = { name?: string | null; title?: string | null; email?: string | null; phone?: string | null };

function storedItems(value: Prisma.JsonValue) {
  const rows = Array.isArray(value) ? (value as StoredItem[]) : [];
  return rows.map((item) => ({
    nomenclature: item.nomenclature ?? null,
    description: item.description ?? null,
    quantity: item.quantity ?? null,
    unitOfIssue: (item.unitOfIssue ?? null) as LorView["items"][number]["unitOfIssue"],
    estimatedValue: item.estimatedValue ?? null,
  }));
}

function storedContacts(value: Prisma.JsonValue) {
  const rows = Array.isArray(value) ? (value as StoredContact[]) : [];
  return rows.map((c) => ({ name: c.name ?? null, title: c.title ?? null, email: c.email ?? null, phone: c.phone ?? null }));
}

/** The purchaser-written content, as the API shows it (one mapping from columns, used by the view and the checklist). */
function contentOf(row: LorRow) {
  return {
    subject: row.subject,
    originatorReference: row.originatorReference,
    originatorName: row.originatorName,
    originatorAddress: row.originatorAddress,
    requestType: row.requestType,
    relatedCaseIdentifier: row.relatedCaseIdentifier,
    loaType: row.loaType,
    preferredAgency: row.preferredAgency,
    items: storedItems(row.items),
    blanketValue: money(row.blanketValue),
    blanketCategory: row.blanketCategory,
    financing: row.financing,
    financingNotes: row.financingNotes,
    requestedDeliveryBy: isoDate(row.requestedDeliveryBy),
    deliveryNotes: row.deliveryNotes,
    thirdPartyInvolvement: row.thirdPartyInvolvement,
    thirdPartyDetails: row.thirdPartyDetails,
    soleSourceRequested: row.soleSourceRequested,
    soleSourceContractor: row.soleSourceContractor,
    soleSourceJustification: row.soleSourceJustification,
    trainingNeeds: row.trainingNeeds,
    logisticsNeeds: row.logisticsNeeds,
    transportationNeeds: row.transportationNeeds,
    pointsOfContact: storedContacts(row.pointsOfContact),
    signatoryName: row.signatoryName,
    signatoryTitle: row.signatoryTitle,
    signatoryAuthority: row.signatoryAuthority,
    signedOn: isoDate(row.signedOn),
  };
}

/** The letter scored against the actionable checklist on `now`'s date. */
export function checklistOf(row: LorRow, now = new Date()): ChecklistResult {
  const content = contentOf(row);
  return evaluateChecklist(
    {
      ...content,
      preferredAgencyCode: content.preferredAgency?.code ?? null,
      attachmentKinds: row.attachments.map((a) => a.kind as AttachmentKind),
    },
    todayUtc(now),
    returnedUnchanged(row) ? { criteria: row.insufficientCriteria, reasons: row.statusReason ?? "" } : null,
  );
}

/**
 * A fingerprint of what the partner wrote and attached: returned as insufficient, a letter keeps its validator's verdict
 * until this changes. Built from the stored content, not the view (the view's checklist depends on it).
 */
export function lorContentFingerprint(row: LorRow): string {
  const attachments = row.attachments.map((a) => `${a.kind}:${a.sha256}`).sort();
  return createHash("sha256").update(canonicalJson({ content: contentOf(row), attachments }), "utf8").digest("hex");
}

/** Returned as insufficient and not changed since. */
export const returnedUnchanged = (row: LorRow) => row.returnedContentHash !== null && row.returnedContentHash === lorContentFingerprint(row);

/** The five-day validation clock: running while the USG holds the letter, stopped once it was validated. */
export function validationAging(row: LorRow, now: Date): LorView["validation"] {
  if (!row.submittedAt || !row.validationSla) return null;
  const running = isAwaitingValidation(row.status as LorStatus);
  if (!running && !row.validatedAt) return null;
  const aging = agingOf(row.submittedAt, row.validationSla, now, { stoppedAt: running ? null : row.validatedAt });
  // The due date was fixed at submission; report that one even if the rule's arithmetic would now differ.
  const dueAt = row.validationDueAt ?? aging.dueAt;
  return { ...aging, dueAt: dueAt.toISOString() };
}

export function attachmentUrl(lorId: string, attachmentId: string) {
  return `/api/v1/lors/${lorId}/attachments/${attachmentId}`;
}

/** The letter as the API and pages show it; `availableActions` are the actor's (none without an actor). */
export function toLorView(row: LorRow, now = new Date(), actor?: Actor): LorView {
  const content = contentOf(row);
  const checklist = checklistOf(row, now);
  return {
    id: row.id,
    country: row.country,
    status: row.status as LorStatus,
    version: row.version,
    ...content,
    routedAgency: row.routedAgency,
    itemsTotal: sumAmounts(content.items.map((i) => i.estimatedValue)),
    statusReason: row.statusReason,
    insufficientCriteria: row.insufficientCriteria,
    priceAndAvailability:
      row.paRespondedAt && row.paEstimatedValue && row.paAvailability
        ? { estimatedValue: row.paEstimatedValue.toFixed(2), availability: row.paAvailability, notes: row.paNotes, respondedAt: row.paRespondedAt.toISOString() }
        : null,
    case: row.case,
    availableActions: actor
      ? availableLorActions(actor, {
          countryId: row.countryId,
          submitted: row.firstSubmittedAt !== null,
          routedAgencyId: row.routedAgencyId,
          status: row.status as LorStatus,
          requestType: row.requestType,
        })
      : [],
    checklist: {
      score: checklist.score,
      ready: checklist.ready,
      criteria: checklist.criteria,
    },
    validation: validationAging(row, now),
    attachments: row.attachments.map((a) => ({
      id: a.id,
      kind: a.kind as AttachmentKind,
      fileName: a.fileName,
      contentType: a.contentType as "application/pdf" | "image/png" | "image/jpeg",
      sizeBytes: a.sizeBytes,
      sha256: a.sha256,
      uploadedAt: a.createdAt.toISOString(),
      downloadUrl: attachmentUrl(row.id, a.id),
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    submittedAt: iso(row.submittedAt),
    acknowledgedAt: iso(row.acknowledgedAt),
    completedAt: iso(row.completedAt),
  };
}

export function toLorSummary(row: LorRow, now = new Date()): LorSummaryView {
  const view = toLorView(row, now);
  return {
    id: view.id,
    country: view.country,
    status: view.status,
    version: view.version,
    subject: view.subject,
    originatorReference: view.originatorReference,
    requestType: view.requestType,
    routedAgency: view.routedAgency,
    case: view.case,
    validation: view.validation,
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
    submittedAt: view.submittedAt,
    completeness: view.checklist.score,
  };
}

/** The content as the API shows it, for before/after audit entries. */
export function contentSnapshot(row: LorRow): Record<string, unknown> {
  const view = toLorView(row);
  const snapshot: Record<string, unknown> = {};
  for (const field of CONTENT_FIELDS) {
    snapshot[field] = field === "preferredAgencyCode" ? (view.preferredAgency?.code ?? null) : (view as unknown as Record<string, unknown>)[field];
  }
  return snapshot;
}

/** Only the fields whose value changed, before and after. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changed = Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return {
    fields: changed,
    before: Object.fromEntries(changed.map((k) => [k, before[k] ?? null])),
    after: Object.fromEntries(changed.map((k) => [k, after[k] ?? null])),
  } as { fields: string[]; before: Prisma.InputJsonObject; after: Prisma.InputJsonObject };
}

/**
 * Takes the letter's row lock for the rest of the transaction, so concurrent changes to one letter (a transition, an
 * edit, an upload) run one after another and each sees the others' committed result. Returns false if there is no such
 * letter.
 */
export async function lockLor(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>(prepared(Prisma.sql`SELECT id FROM letters_of_request WHERE id = ${id}::uuid FOR UPDATE`));
  return rows.length > 0;
}

export const loadLor = (tx: Tx, id: string): Promise<LorRow | null> => loadLorRow(tx, id);
