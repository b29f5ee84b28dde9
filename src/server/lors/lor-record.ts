import "server-only";
import { evaluateChecklist, type ChecklistInput } from "@/domain/lor/checklist";
import type { AttachmentKind, LorStatus } from "@/domain/lor/codes";
import type { PolicySubject } from "@/domain/policy";
import { LOR_CONTENT_SHAPE, type LorContentInput, type LorSummaryView, type LorView } from "@/domain/schemas/lor";
import { agingOf } from "@/domain/sla";
import { sumAmounts } from "@/domain/money";
import type { Prisma } from "../../generated/prisma/client";
import type { Tx } from "../db";
import { fieldError } from "../errors";

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

export const CONTENT_FIELDS = Object.keys(LOR_CONTENT_SHAPE) as (keyof LorContentInput)[];

/** What the policy table needs to know about a letter. */
export function lorSubject(row: { countryId: string; firstSubmittedAt: Date | null; routedAgencyId: string | null }): PolicySubject {
  return { organizationId: row.countryId, submitted: row.firstSubmittedAt !== null, agencyId: row.routedAgencyId };
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

/** The letter's content in the shape the checklist reads. */
export function checklistInput(row: LorRow): ChecklistInput {
  return {
    subject: row.subject,
    originatorReference: row.originatorReference,
    originatorName: row.originatorName,
    originatorAddress: row.originatorAddress,
    requestType: row.requestType,
    relatedCaseIdentifier: row.relatedCaseIdentifier,
    loaType: row.loaType,
    preferredAgencyCode: row.preferredAgency?.code ?? null,
    items: storedItems(row.items),
    blanketValue: money(row.blanketValue),
    blanketCategory: row.blanketCategory,
    financing: row.financing,
    financingNotes: row.financingNotes,
    requestedDeliveryBy: isoDate(row.requestedDeliveryBy),
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
    attachmentKinds: row.attachments.map((a) => a.kind as AttachmentKind),
  };
}

/** The five-day validation clock: running while the USG holds the letter, stopped once it was validated. */
export function validationAging(row: LorRow, now: Date): LorView["validation"] {
  if (!row.submittedAt || !row.validationSla) return null;
  const running = row.status === "SUBMITTED" || row.status === "UNDER_VALIDATION";
  if (!running && !row.validatedAt) return null;
  const aging = agingOf(row.submittedAt, row.validationSla, now, { stoppedAt: running ? null : row.validatedAt });
  // The due date was fixed at submission; report that one even if the rule's arithmetic would now differ.
  const dueAt = row.validationDueAt ?? aging.dueAt;
  return { ...aging, dueAt: dueAt.toISOString() };
}

export function attachmentUrl(lorId: string, attachmentId: string) {
  return `/api/v1/lors/${lorId}/attachments/${attachmentId}`;
}

export function toLorView(row: LorRow, now = new Date()): LorView {
  const items = storedItems(row.items);
  const checklist = evaluateChecklist(checklistInput(row), todayUtc(now));
  return {
    id: row.id,
    country: row.country,
    status: row.status as LorStatus,
    version: row.version,
    subject: row.subject,
    originatorReference: row.originatorReference,
    originatorName: row.originatorName,
    originatorAddress: row.originatorAddress,
    requestType: row.requestType,
    relatedCaseIdentifier: row.relatedCaseIdentifier,
    loaType: row.loaType,
    preferredAgency: row.preferredAgency,
    routedAgency: row.routedAgency,
    items,
    itemsTotal: sumAmounts(items.map((i) => i.estimatedValue)),
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
    statusReason: row.statusReason,
    insufficientCriteria: row.insufficientCriteria,
    priceAndAvailability:
      row.paRespondedAt && row.paEstimatedValue && row.paAvailability
        ? { estimatedValue: row.paEstimatedValue.toFixed(2), availability: row.paAvailability, notes: row.paNotes, respondedAt: row.paRespondedAt.toISOString() }
        : null,
    case: row.case,
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

/** An implementing agency by its code (e.g. "P"), or a 422 naming the field. */
export async function agencyByCode(tx: Tx, code: string, field: string) {
  const agency = await tx.organization.findFirst({
    where: { kind: "IMPLEMENTING_AGENCY", code, OR: [{ effectiveTo: null }, { effectiveTo: { gt: new Date() } }] },
    select: { id: true, code: true, name: true },
  });
  if (!agency) throw fieldError(field, `There is no implementing agency with code ${code}`);
  return agency;
}

const dateValue = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : new Date(`${value}T00:00:00Z`));

/**
 * Prisma data for the content fields present in `input` (undefined = leave as is, null = clear). The preferred agency
 * arrives as a code and is stored as a reference.
 */
export async function contentData(tx: Tx, input: Partial<LorContentInput>) {
  const data: Prisma.LetterOfRequestUncheckedUpdateInput = {};
  for (const field of CONTENT_FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    switch (field) {
      case "preferredAgencyCode":
        data.preferredAgencyId = value === null ? null : (await agencyByCode(tx, value as string, "preferredAgencyCode")).id;
        break;
      case "requestedDeliveryBy":
      case "signedOn":
        data[field] = dateValue(value as string | null);
        break;
      case "items":
      case "pointsOfContact":
        data[field] = (value ?? []) as Prisma.InputJsonValue;
        break;
      default:
        (data as Record<string, unknown>)[field] = value;
    }
  }
  return data;
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
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM letters_of_request WHERE id = ${id}::uuid FOR UPDATE`;
  return rows.length > 0;
}

export async function loadLor(tx: Tx, id: string) {
  return tx.letterOfRequest.findUnique({ where: { id }, include: lorInclude });
}
