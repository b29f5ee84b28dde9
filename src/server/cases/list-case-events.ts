import "server-only";
import type { Actor } from "@/domain/policy";
import type { CaseEventView } from "@/domain/schemas/cases";
import { caseEventView, type CaseDocuments } from "@/domain/cases/case-event-view";
import { db, type Tx } from "../db";
import { assertCaseVisible } from "./case-access";
import { eventActors } from "../event-actors";

export { caseEventLabel, caseEventNote, caseEventView, documentVisibleTo } from "@/domain/cases/case-event-view";
export type { AuditEventRow, CaseDocumentRef, CaseDocuments } from "@/domain/cases/case-event-view";

/** The case's identifier and LOA documents, which name the documents its events are about. */
export async function loadCaseDocuments(caseId: string): Promise<CaseDocuments> {
  return loadCaseDocumentsIn(db(), caseId);
}

/** The same, read inside a transaction (the outbox's dispatch). */
export async function loadCaseDocumentsIn(client: Tx | ReturnType<typeof db>, caseId: string): Promise<CaseDocuments> {
  return client.case.findUniqueOrThrow({
    where: { id: caseId },
    select: {
      identifier: true,
      documents: { select: { number: true, documentType: true, documentNumber: true, status: true, offeredAt: true }, orderBy: { number: "asc" } },
    },
  });
}

/** The case's timeline, oldest first, as the actor may see it. */
export async function listCaseEvents(actor: Actor, caseId: string): Promise<CaseEventView[]> {
  await assertCaseVisible(actor, caseId);
  const [events, docs] = await Promise.all([
    db().auditEvent.findMany({
      where: { targetType: "case", targetId: caseId, outcome: "SUCCESS" },
      // When it happened: the demo seed records some histories out of order (deliveries before the bills that count them).
      orderBy: [{ occurredAt: "asc" }, { id: "asc" }],
    }),
    loadCaseDocuments(caseId),
  ]);
  const actorOf = await eventActors(actor, events);
  const viewer = { partner: actor.role === "PARTNER_OFFICER" };
  return events.map((event) => caseEventView(event, viewer, actorOf, docs)).filter((view): view is CaseEventView => view !== null);
}
