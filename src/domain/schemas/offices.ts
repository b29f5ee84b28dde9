import { z } from "zod";
import { Uuid } from "./common";

export const OFFICE_KEY_PATTERN = /^(DSCA_ANALYST|STATE_REVIEWER|DTSA_REVIEWER|FINANCE_OFFICER|IA_CASE_MANAGER:[0-9a-f-]{36})$/;

const Person = z.object({ id: z.uuid(), name: z.string(), email: z.string() });

export const OfficeView = z
  .object({
    office: z.string().meta({ description: "The office's inbox key: the role, and for agency work the agency id" }),
    officeName: z.string(),
    accountable: Person.extend({ assignedAt: z.iso.datetime() }).nullable(),
    eligible: z.array(Person).meta({ description: "Active people of the office who may be named" }),
  })
  .meta({ id: "Office" });
export type OfficeView = z.infer<typeof OfficeView>;

export const AssignOfficeAccountableInput = z.object({ userId: Uuid("The accountable person") });
