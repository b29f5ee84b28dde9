import { z } from "zod";
import { DOCUMENT_TYPES } from "../loa/codes";
import { LOR_REQUEST_TYPES, LOR_STATUSES } from "../lor/codes";
import { Aging, Ref } from "./cases";
import { PageQuery } from "./common";

// The sections of My tasks beside the case inbox (issue 13), and the partner's offered Amendments: each a page of its
// own, with its own total, so paging one leaves the others where they are.

export const TaskSectionQuery = PageQuery;

const Instant = z.iso.datetime();

export const LorTaskView = z
  .object({
    lorId: z.uuid(),
    subject: z.string().nullable(),
    country: Ref,
    /** The agency the letter is routed to; null while DSCA has not routed it. */
    routedAgency: Ref.nullable(),
    status: z.enum(LOR_STATUSES),
    requestType: z.enum(LOR_REQUEST_TYPES).nullable(),
    submittedAt: Instant,
    /** The validation clock (null without a rule in force at submission). */
    aging: Aging.nullable(),
  })
  .meta({ id: "LorTask" });
export type LorTaskView = z.infer<typeof LorTaskView>;

export const LorTaskPageView = z
  .object({
    items: z.array(LorTaskView),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    overdue: z.number().int(),
  })
  .meta({ id: "LorTaskPage" });
export type LorTaskPageView = z.infer<typeof LorTaskPageView>;

export const ChangeTaskView = z
  .object({
    caseId: z.uuid(),
    caseIdentifier: z.string(),
    country: Ref,
    implementingAgency: Ref,
    /** The document's sequence on the case (its address: /cases/{id}/loa/documents/{number}). */
    number: z.number().int(),
    documentType: z.enum(DOCUMENT_TYPES),
    name: z.string(),
    changeReason: z.string().nullable(),
    submittedAt: Instant,
  })
  .meta({ id: "ChangeTask" });
export type ChangeTaskView = z.infer<typeof ChangeTaskView>;

export const ChangeTaskPageView = z
  .object({ items: z.array(ChangeTaskView), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() })
  .meta({ id: "ChangeTaskPage" });
export type ChangeTaskPageView = z.infer<typeof ChangeTaskPageView>;

export const OfferedAmendmentView = z
  .object({
    caseId: z.uuid(),
    caseIdentifier: z.string(),
    number: z.number().int(),
    name: z.string(),
    changeReason: z.string().nullable(),
    offeredAt: Instant,
  })
  .meta({ id: "OfferedAmendment" });
export type OfferedAmendmentView = z.infer<typeof OfferedAmendmentView>;

export const OfferedAmendmentPageView = z
  .object({ items: z.array(OfferedAmendmentView), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() })
  .meta({ id: "OfferedAmendmentPage" });
export type OfferedAmendmentPageView = z.infer<typeof OfferedAmendmentPageView>;
