import "server-only";
import type { Actor } from "@/domain/policy";
import type { DocumentView } from "@/domain/schemas/loa";
import { can } from "@/domain/policy";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { loadLoaContext } from "./loa-access";
import { toDocumentView } from "./loa-store";
import { endedCaseReason, inForceOf, offeredChangeOf, offeredChangeReason, workingDraftOf } from "@/domain/loa/document-flow";

export interface WorkingLoa {
  document: DocumentView;
  /** The actor may save it now. */
  editable: boolean;
  /** Saving will start an Amendment or Modification from this document in force. */
  startsChange: boolean;
  /** Why it cannot be edited, in plain words, when it cannot. */
  lockedReason: string | null;
}

/**
 * The LOA the agency is working on: the draft (basic LOA or a change) if there is one; otherwise the document in
 * force, which a save turns into a new Amendment or Modification; otherwise the latest document, read-only.
 */
export async function getWorkingLoa(actor: Actor, caseId: string): Promise<WorkingLoa> {
  const context = await loadLoaContext(db(), actor, caseId, new Date());
  assertCan(actor, "viewLoaInternals", context.subject, "Case");
  const mayEdit = can(actor, "editLoa", context.subject);
  const draft = workingDraftOf(context.documents);
  const offeredChange = draft ? null : offeredChangeOf(context.documents);
  const base = draft || offeredChange ? null : inForceOf(context.documents);
  const doc = draft ?? base ?? context.documents[context.documents.length - 1];
  if (!doc) throw new Error(`Case ${caseId} has no LOA document`);
  const lockedReason = !mayEdit
    ? "Only the implementing agency's case managers edit this LOA."
    : (endedCaseReason(context.caseRow.status) ??
      (doc.status === "SUBMITTED"
        ? "This LOA is in review. It can change again if a reviewer returns it."
        : offeredChange
          ? offeredChangeReason(context.caseRow.identifier, offeredChange)
          : !draft && !base
            ? "This LOA has been offered. Before acceptance it changes only through a counter-offer or a restatement; after acceptance, through an Amendment or Modification."
            : null));
  return { document: toDocumentView(actor, doc, context), editable: lockedReason === null, startsChange: base !== null && lockedReason === null, lockedReason };
}
