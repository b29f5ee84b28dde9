import { z } from "zod";
import { CASE_STATUSES } from "../cases/identifier";
import { LOA_TYPES } from "../lor/codes";
import { PageQuery, blankAsUndefined, searchText } from "./common";

export const CaseListQuery = PageQuery.extend({
  status: blankAsUndefined(z.enum(CASE_STATUSES, { error: `status must be one of: ${CASE_STATUSES.join(", ")}` })),
  q: searchText("Search", 100),
});

const Ref = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const CaseView = z
  .object({
    id: z.uuid(),
    identifier: z.string().meta({ description: "CC-I-DDD: customer code, implementing agency, designator" }),
    country: Ref,
    implementingAgency: Ref,
    designator: z.string(),
    caseType: z.enum(LOA_TYPES),
    status: z.enum(CASE_STATUSES),
    version: z.number().int(),
    openedAt: z.iso.datetime(),
    letters: z.array(
      z.object({
        id: z.uuid(),
        subject: z.string().nullable(),
        originatorReference: z.string().nullable(),
        requestType: z.string().nullable(),
        status: z.string(),
        completedAt: z.iso.datetime().nullable(),
      }),
    ),
  })
  .meta({ id: "Case" });
export type CaseView = z.infer<typeof CaseView>;
