import "server-only";
import {
  orderTimeline,
  readableDays,
  TIMELINE_SKIPPED_ACTIONS,
  timelineCategoryOf,
  type TimelineCategory,
} from "@/domain/cases/purchase-timeline";
import { LOR_REQUEST_TYPE_LABELS, type LorRequestType } from "@/domain/lor/codes";
import type { Actor } from "@/domain/policy";
import type { PurchaseTimelineEntryView, PurchaseTimelineView } from "@/domain/schemas/purchase-timeline";
import type { CaseStatus } from "@/domain/workflow/states";
import { Prisma } from "../../generated/prisma/client";
import { db } from "../db";
import { eventActors } from "../event-actors";
import { LOR_EVENT_LABELS, lorEventNote } from "../lors/list-lor-events";
import { assertCaseVisible } from "./case-access";
import { caseEventView, documentVisibleTo, type AuditEventRow, type CaseDocuments } from "./list-case-events";

interface TimelineRow extends AuditEventRow {
  targetType: "lor" | "case";
  targetId: string;
}

type Details = Record<string, unknown> | null;

/**
 * Every audit event of the case and of its letters of request, oldest first, in one statement. Each half reads
 * audit_events through its (target_type, target_id) index: the case's own events directly, the letters' through the
 * letters' case_id index (a join, never an id list built here). Working saves are left out in SQL, so a long
 * drafting history costs nothing.
 */
function loadEvents(caseId: string, countryId: string) {
  const skipped = Prisma.join(TIMELINE_SKIPPED_ACTIONS);
  return db().$queryRaw<TimelineRow[]>`
    SELECT e.id, e.occurred_at AS "occurredAt", e.action, e.actor_user_id AS "actorUserId", e.actor_email AS "actorEmail",
           e.details, 'case' AS "targetType", e.target_id AS "targetId"
      FROM audit_events e
     WHERE e.target_type = 'case' AND e.target_id = ${caseId} AND e.outcome = 'SUCCESS' AND e.action NOT IN (${skipped})
    UNION ALL
    SELECT e.id, e.occurred_at, e.action, e.actor_user_id, e.actor_email, e.details, 'lor', e.target_id
      FROM letters_of_request l
      JOIN audit_events e ON e.target_type = 'lor' AND e.target_id = l.id::text
     WHERE l.case_id = ${caseId}::uuid AND l.country_id = ${countryId}::uuid AND e.outcome = 'SUCCESS' AND e.action NOT IN (${skipped})
    ORDER BY 2, 1`;
}

/** "Counterfire radars (BN-2026-014)"; a request to change the case says so. */
function letterTitle(lor: { subject: string | null; requestType: string | null; originatorReference: string | null }): string {
  const kind = lor.requestType === "AMENDMENT" || lor.requestType === "MODIFICATION" ? `${LOR_REQUEST_TYPE_LABELS[lor.requestType as LorRequestType]}: ` : "";
  return `${kind}${lor.subject ?? "Letter of request"}${lor.originatorReference ? ` (${lor.originatorReference})` : ""}`;
}

/** Where an entry's record can be opened, when the viewer may open it. */
function linkOf(
  caseId: string,
  row: TimelineRow,
  category: TimelineCategory,
  docs: CaseDocuments,
  viewer: { partner: boolean },
): PurchaseTimelineEntryView["link"] {
  const details = (row.details ?? null) as Details;
  if (row.targetType === "lor") return { href: `/lors/${row.targetId}`, text: "Open the letter" };
  if (category === "document") {
    const doc = docs.documents.find((d) => d.number === details?.document);
    return doc && documentVisibleTo(doc, viewer) ? { href: `/cases/${caseId}/documents/${doc.number}`, text: "Open the document" } : null;
  }
  if (category === "sdr" && typeof details?.number === "number") return { href: `/cases/${caseId}/sdrs/${details.number}`, text: "Open the report" };
  if (category === "delivery") return { href: `/cases/${caseId}/execution`, text: "See lines and deliveries" };
  if (category === "money" && row.action !== "case.record-deposit") return { href: `/cases/${caseId}/finance`, text: "See the money" };
  return null;
}

/**
 * The story of one purchase for `actor`: the letters of request behind the case and every step of the case, its LOA
 * documents, reviews, notification, money, deliveries, discrepancy reports and closure, merged oldest first, each
 * with its chapter (phase). Visible to whoever may see the case (another country's answers 404), with the case
 * timeline's rules: partners never see internal notification steps, U.S. Government-only comments or events, and
 * see U.S. Government staff by office only.
 */
export async function getPurchaseTimeline(actor: Actor, caseId: string): Promise<PurchaseTimelineView> {
  await assertCaseVisible(actor, caseId);
  const found = await db().case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      identifier: true,
      status: true,
      countryId: true,
      openedFromLorId: true,
      documents: { select: { number: true, documentType: true, documentNumber: true, status: true, offeredAt: true }, orderBy: { number: "asc" } },
      lors: {
        select: { id: true, subject: true, requestType: true, originatorReference: true, countryId: true },
        orderBy: [{ firstSubmittedAt: "asc" }, { id: "asc" }],
      },
    },
  });
  const rows = await loadEvents(caseId, found.countryId);
  const actorOf = await eventActors(actor, rows);
  const viewer = { partner: actor.role === "PARTNER_OFFICER" };
  const docs: CaseDocuments = { identifier: found.identifier, documents: found.documents };

  const entries: (Omit<PurchaseTimelineEntryView, "phase"> & { targetType: "lor" | "case"; opensCase: boolean })[] = [];
  for (const row of rows) {
    const details = (row.details ?? null) as Details;
    if (row.targetType === "lor") {
      entries.push({
        id: row.id.toString(),
        occurredAt: row.occurredAt.toISOString(),
        action: row.action,
        category: "letter",
        label: `Letter of request: ${(LOR_EVENT_LABELS[row.action] ?? row.action).replace(/^./, (c) => c.toLowerCase())}`,
        note: readableOrNull(lorEventNote(row.action, details)),
        actor: actorOf(row).who,
        comment: null,
        commentVisibility: null,
        toStatus: null,
        link: linkOf(caseId, row, "letter", docs, viewer),
        targetType: "lor",
        opensCase: row.action === "lor.mark_complete" && row.targetId === found.openedFromLorId,
      });
      continue;
    }
    const view = caseEventView(row, viewer, actorOf, docs);
    if (!view) continue;
    const category = timelineCategoryOf("case", row.action, typeof details?.event === "string" ? details.event : null, details);
    entries.push({
      id: view.id,
      occurredAt: view.occurredAt,
      action: view.action,
      category,
      label: view.label,
      note: readableOrNull(view.note),
      actor: view.actor,
      comment: view.comment,
      commentVisibility: view.commentVisibility,
      toStatus: view.toStatus,
      link: linkOf(caseId, row, category, docs, viewer),
      targetType: "case",
      opensCase: false,
    });
  }

  return {
    caseId,
    identifier: found.identifier,
    status: found.status as CaseStatus,
    letters: found.lors.filter((lor) => lor.countryId === found.countryId).map((lor) => ({ id: lor.id, title: letterTitle(lor), href: `/lors/${lor.id}` })),
    entries: orderTimeline(entries).map(({ targetType: _targetType, opensCase: _opensCase, ...entry }) => entry),
  };
}

const readableOrNull = (note: string | null) => (note === null ? null : readableDays(note));
