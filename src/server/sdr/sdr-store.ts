// Supply Discrepancy Reports' storage: the case they belong to (locked for every write), the policy rows, uploads,
// and the views the API and pages read. Free of `server-only` and `@/` imports: the demo seed files its report through
// the same code as the app (sdr-core.ts).
import { createHash } from "node:crypto";
import {
  isSdrOpen,
  MAX_ATTACHMENTS_PER_SDR,
  reconsiderationDeadline,
  SDR_RULE_KEYS,
  sdrReference,
  sdrWaitingOn,
  type SdrDecision,
  type SdrPolicy,
  type SdrPolicyRule,
  type SdrSnapshot,
  type SdrStatus,
  type SdrStepResult,
  type SdrType,
} from "../../domain/execution/sdr";
import { SDR_EVENTS } from "../../domain/execution/sdr-events";
import { detectContentType, formatBytes, MAX_ATTACHMENT_BYTES, safeFileName, type AttachmentContentType } from "../../domain/files";
import { decide, type Actor, type PolicyAction, type PolicySubject } from "../../domain/policy";
import { isUuid } from "../../domain/schemas/common";
import type { SdrAction, SdrAttachmentView, SdrCommentView, SdrSummaryView, SdrView } from "../../domain/schemas/sdr";
import { agingOf, type DayKind } from "../../domain/sla";
import { caseSubject } from "../../domain/workflow/engine";
import type { CommentVisibility } from "../../domain/workflow/states";
import type { Prisma } from "../../generated/prisma/client";
import { lockCase } from "../cases/case-store";
import type { Tx } from "../db";
import { AppError, authorize, fieldError, notFound } from "../errors";

/** A file as the upload handlers read it: the name the client gave (kept, cleaned, for display only) and its bytes. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** The case columns an SDR's rules look at. */
export interface SdrCase {
  id: string;
  identifier: string;
  countryId: string;
  implementingAgencyId: string;
  status: string;
}

const caseSelect = { id: true, identifier: true, countryId: true, implementingAgencyId: true, status: true } as const;

export const subjectOf = (row: SdrCase): PolicySubject => caseSubject({ countryId: row.countryId, agencyId: row.implementingAgencyId });

export { authorize };

/** Locks the case row for the rest of the transaction and loads it; a missing case (or a malformed id) is a 404. */
export async function lockSdrCase(tx: Tx, caseId: string): Promise<SdrCase> {
  if (!(await lockCase(tx, caseId))) throw notFound("Case");
  return tx.case.findUniqueOrThrow({ where: { id: caseId }, select: caseSelect });
}

/** The case for a read; another country's is a 404 like a missing one. */
export async function visibleSdrCase(client: Tx, actor: Actor, caseId: string): Promise<SdrCase> {
  const row = isUuid(caseId) ? await client.case.findUnique({ where: { id: caseId }, select: caseSelect }) : null;
  if (!row) throw notFound("Case");
  authorize(actor, "viewExecution", subjectOf(row));
  return row;
}

/** "3" from a URL is report 3; anything else names no report. */
export function sdrNumberOf(value: string | number): number | null {
  const text = String(value);
  if (!/^[1-9]\d{0,8}$/.test(text)) return null;
  return Number(text);
}

/** The SDR policy rows (few: every row of the four keys), for the domain to pick the one in force. */
export async function loadSdrPolicy(client: Tx): Promise<SdrPolicy> {
  const [rules, rates] = await Promise.all([
    client.slaRule.findMany({ where: { key: { in: [SDR_RULE_KEYS.filingWindow, SDR_RULE_KEYS.decision, SDR_RULE_KEYS.reconsideration] } } }),
    client.pricingRate.findMany({ where: { key: SDR_RULE_KEYS.minimumValue } }),
  ]);
  return {
    rules: rules.map((r) => ({ ...r, dayKind: r.dayKind as DayKind })),
    rates: rates.map((r) => ({ key: r.key, value: r.value.toString(), effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo, source: r.source })),
  };
}

/** A refused step as the API answers it: bad input is a 422 on its field, a wrong state a 409; both name the rule. */
export function stepError(result: Extract<SdrStepResult<object>, { ok: false }>): AppError {
  if (result.kind === "invalid") return fieldError(result.field, result.message);
  return new AppError("CONFLICT", result.message);
}

// ---- Attachments ------------------------------------------------------------------------------------------------

export interface CheckedUpload {
  file: UploadedFile;
  contentType: AttachmentContentType;
}

/**
 * The LOR attachments' checks, for each file: not empty, at most 10 MB, and a PDF, PNG or JPEG judged by its first
 * bytes, never by its name or the type the client claims. Run before the transaction, so a bad file costs no lock.
 */
export function checkUploads(files: readonly UploadedFile[]): CheckedUpload[] {
  return files.map((file) => {
    if (file.bytes.length === 0) throw fieldError("file", `${file.name || "The file"} is empty`);
    if (file.bytes.length > MAX_ATTACHMENT_BYTES) {
      throw fieldError("file", `${file.name || "The file"} is ${formatBytes(file.bytes.length)}; attachments can be at most ${formatBytes(MAX_ATTACHMENT_BYTES)}`);
    }
    const contentType = detectContentType(file.bytes);
    if (!contentType) throw fieldError("file", `Attach photos (PNG or JPEG) or PDF documents. The contents of ${file.name || "the file"} are not one of these.`);
    return { file, contentType };
  });
}

/** Stores checked files under server-generated ids (stored_files) and links them to the report; at most 20 a report. */
export async function storeSdrAttachments(tx: Tx, sdrId: string, uploads: readonly CheckedUpload[], actor: Actor, now: Date) {
  if (uploads.length === 0) return [];
  const existing = await tx.sdrAttachment.count({ where: { sdrId } });
  if (existing + uploads.length > MAX_ATTACHMENTS_PER_SDR) {
    throw fieldError("file", `A report can have at most ${MAX_ATTACHMENTS_PER_SDR} attachments; it has ${existing}`);
  }
  const stored = [];
  for (const [index, { file, contentType }] of uploads.entries()) {
    const blob = await tx.storedFile.create({ data: { content: file.bytes as Uint8Array<ArrayBuffer> }, select: { id: true } });
    stored.push(
      await tx.sdrAttachment.create({
        data: {
          sdrId,
          fileName: safeFileName(file.name, contentType),
          contentType,
          sizeBytes: file.bytes.length,
          sha256: createHash("sha256").update(file.bytes).digest("hex"),
          fileId: blob.id,
          uploadedById: actor.userId,
          // A millisecond apart, so files sent together list in the order they were sent.
          createdAt: new Date(now.getTime() + index),
        },
      }),
    );
  }
  return stored;
}

/** What the audit event records of each file (the content is in stored_files; the hash proves which). */
export const auditedFiles = (rows: readonly { id: string; fileName: string; contentType: string; sizeBytes: number; sha256: string }[]) =>
  rows.map((a) => ({ attachmentId: a.id, fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, sha256: a.sha256 }));

export const sdrAttachmentUrl = (caseId: string, number: number, attachmentId: string) =>
  `/api/v1/cases/${caseId}/sdrs/${number}/attachments/${attachmentId}`;

// ---- Views ------------------------------------------------------------------------------------------------------

export const sdrInclude = {
  shipment: { select: { id: true, lineNumber: true, documentNumber: true, trackingReference: true, quantity: true, value: true, receivedOn: true } },
} satisfies Prisma.SupplyDiscrepancyReportInclude;
export type SdrRow = Prisma.SupplyDiscrepancyReportGetPayload<{ include: typeof sdrInclude }>;

export const snapshotOf = (row: Pick<SdrRow, "status" | "informationOnly" | "valueAffected" | "decision" | "decidedAt" | "reconsiderationRequestedAt">): SdrSnapshot => ({
  status: row.status as SdrStatus,
  informationOnly: row.informationOnly,
  valueAffected: row.valueAffected.toFixed(2),
  decision: (row.decision as SdrDecision | null) ?? null,
  decidedAt: row.decidedAt,
  reconsiderationRequestedAt: row.reconsiderationRequestedAt,
});

export async function findSdr(client: Tx, caseId: string, number: number | null): Promise<SdrRow> {
  const row = number === null ? null : await client.supplyDiscrepancyReport.findUnique({ where: { caseId_number: { caseId, number } }, include: sdrInclude });
  if (!row) throw notFound("Supply discrepancy report");
  return row;
}

/**
 * The agency's decision clock while the report waits on it: from filing, or from the reconsideration request, to the
 * stored due date; once decided it reads met or missed against the decision.
 */
export function sdrAging(
  row: Pick<SdrRow, "status" | "filedAt" | "dueAt" | "decidedAt" | "reconsiderationRequestedAt" | "slaRuleId">,
  rules: readonly SdrPolicyRule[],
  now: Date,
): SdrSummaryView["aging"] {
  const rule = rules.find((r) => r.id === row.slaRuleId);
  if (!rule) return null;
  const start = row.reconsiderationRequestedAt ?? row.filedAt;
  const open = isSdrOpen(row.status as SdrStatus);
  const aging = agingOf(start, rule, now, { stoppedAt: open ? null : (row.decidedAt ?? now) });
  // The stored due date is the commitment; the rule only gives the share used.
  const overdue = (open ? now : (row.decidedAt ?? now)).getTime() > row.dueAt.getTime();
  const state = open ? (overdue ? "OVERDUE" : aging.state === "OVERDUE" ? "DUE_SOON" : aging.state) : overdue ? "MISSED" : "MET";
  return { ...aging, state, dueAt: row.dueAt.toISOString() };
}

export function toSdrSummary(row: SdrRow, caseIdentifier: string, rules: readonly SdrPolicyRule[], now: Date): SdrSummaryView {
  return {
    id: row.id,
    caseId: row.caseId,
    number: row.number,
    reference: sdrReference(caseIdentifier, row.number),
    type: row.type as SdrType,
    status: row.status as SdrStatus,
    shipment: { id: row.shipment.id, lineNumber: row.shipment.lineNumber, documentNumber: row.shipment.documentNumber },
    quantityAffected: row.quantityAffected,
    valueAffected: row.valueAffected.toFixed(2),
    informationOnly: row.informationOnly,
    filedAt: row.filedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    aging: sdrAging(row, rules, now),
    decision: (row.decision as SdrDecision | null) ?? null,
    creditAmount: row.creditAmount?.toFixed(2) ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    version: row.version,
  };
}

/** How `viewer` reads the people behind a report: partners see U.S. Government staff by office only (as on timelines). */
export async function peopleNamed(client: Tx, viewer: Actor, userIds: readonly (string | null)[]) {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  const users = ids.length
    ? await client.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, organization: { select: { id: true, name: true, shortName: true } } } })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return (userId: string | null): string => {
    const user = userId ? byId.get(userId) : undefined;
    if (!user) return "Caseway";
    const office = user.organization.shortName ?? user.organization.name;
    return viewer.role === "PARTNER_OFFICER" && user.organization.id !== viewer.organizationId ? office : `${user.name}, ${office}`;
  };
}

const HISTORY_ACTIONS = ["sdr.file", "sdr.decide", "sdr.reconsider", "sdr.accept", "sdr.attach"];

/** What `actor` may do with the report now (the use cases decide again; pages only show or hide the forms). */
export function sdrActionsFor(actor: Actor, row: SdrCase, sdr: SdrSnapshot, policy: SdrPolicy, now: Date): SdrAction[] {
  const subject = subjectOf(row);
  const allowed = (action: PolicyAction) => decide(actor, action, subject) === "allow";
  const actions: SdrAction[] = [];
  if (allowed("decideSdr") && isSdrOpen(sdr.status)) actions.push("decide");
  // While the partner may still contest the decision they may instead accept it, which closes the report at once.
  if (allowed("fileSdr") && sdrWaitingOn(sdr, policy, now) === "PARTNER") actions.push("reconsider", "accept");
  if (allowed("commentOnSdr")) actions.push("comment");
  if ((allowed("fileSdr") || allowed("decideSdr")) && sdr.status !== "CLOSED") actions.push("attach");
  return actions;
}

/** The whole report as `actor` may read it: partners never get U.S. Government-only comments. */
export async function toSdrView(client: Tx, actor: Actor, caseRow: SdrCase, row: SdrRow, now: Date, policy?: SdrPolicy): Promise<SdrView> {
  const partner = actor.role === "PARTNER_OFFICER";
  const [sdrPolicy, attachments, comments, events] = await Promise.all([
    policy ?? loadSdrPolicy(client),
    client.sdrAttachment.findMany({ where: { sdrId: row.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    client.sdrComment.findMany({
      where: { sdrId: row.id, ...(partner ? { visibility: "PARTNER_VISIBLE" as const } : {}) },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    // The case's own events (indexed by target), narrowed to this report's steps.
    client.auditEvent.findMany({
      where: { targetType: "case", targetId: caseRow.id, outcome: "SUCCESS", action: { in: HISTORY_ACTIONS }, details: { path: ["sdrId"], equals: row.id } },
      orderBy: { id: "asc" },
      select: { occurredAt: true, action: true, actorUserId: true, details: true },
    }),
  ]);
  const nameOf = await peopleNamed(client, actor, [
    row.filedById,
    row.decidedById,
    ...attachments.map((a) => a.uploadedById),
    ...comments.map((c) => c.authorId),
    ...events.map((e) => e.actorUserId),
  ]);
  const snapshot = snapshotOf(row);
  const deadline = reconsiderationDeadline(snapshot, sdrPolicy);
  const attachmentViews: SdrAttachmentView[] = attachments.map((a) => ({
    id: a.id,
    fileName: a.fileName,
    contentType: a.contentType as SdrAttachmentView["contentType"],
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    uploadedBy: nameOf(a.uploadedById),
    uploadedAt: a.createdAt.toISOString(),
    downloadUrl: sdrAttachmentUrl(caseRow.id, row.number, a.id),
  }));
  const commentViews: SdrCommentView[] = comments.map((c) => ({
    id: c.id,
    author: nameOf(c.authorId),
    visibility: c.visibility as CommentVisibility,
    text: c.text,
    createdAt: c.createdAt.toISOString(),
  }));
  return {
    ...toSdrSummary(row, caseRow.identifier, sdrPolicy.rules, now),
    caseIdentifier: caseRow.identifier,
    shipment: {
      id: row.shipment.id,
      lineNumber: row.shipment.lineNumber,
      documentNumber: row.shipment.documentNumber,
      trackingReference: row.shipment.trackingReference,
      quantity: row.shipment.quantity,
      value: row.shipment.value.toFixed(2),
      receivedOn: row.shipment.receivedOn?.toISOString().slice(0, 10) ?? null,
    },
    description: row.description,
    filedBy: nameOf(row.filedById),
    decisionReason: row.decisionReason,
    decidedBy: row.decidedById ? nameOf(row.decidedById) : null,
    reconsideration: {
      reason: row.reconsiderationReason,
      requestedAt: row.reconsiderationRequestedAt?.toISOString() ?? null,
      lastDay: deadline?.lastDay ?? null,
      ruleSource: deadline?.rule.source ?? null,
    },
    waitingOn: sdrWaitingOn(snapshot, sdrPolicy, now),
    attachments: attachmentViews,
    comments: commentViews,
    history: events.map((e) => {
      const details = (e.details ?? {}) as Record<string, unknown>;
      const text = SDR_EVENTS[e.action];
      return {
        at: e.occurredAt.toISOString(),
        action: e.action,
        label: text?.label ?? e.action,
        who: nameOf(e.actorUserId),
        note: text?.note?.(details, { partner }) ?? null,
      };
    }),
    availableActions: sdrActionsFor(actor, caseRow, snapshot, sdrPolicy, now),
  };
}
