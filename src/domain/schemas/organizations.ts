import { z } from "zod";
import { ORGANIZATION_KINDS } from "../roles";
import { ExpectedVersion } from "./common";

export const OrganizationKindSchema = z.enum(ORGANIZATION_KINDS, {
  error: `kind must be one of: ${ORGANIZATION_KINDS.join(", ")}`,
});

export const OrganizationListQuery = z.object({
  kind: OrganizationKindSchema.optional(),
  verified: z.enum(["true", "false"], { error: "verified must be true or false" }).optional(),
});

export const ConfirmOrganizationInput = z
  .object({ expectedVersion: ExpectedVersion })
  .strict()
  .meta({ id: "ConfirmOrganizationInput", description: "Mark an unverified reference code as checked against SAMM." });

export const OrganizationView = z
  .object({
    id: z.uuid(),
    kind: OrganizationKindSchema,
    code: z.string(),
    name: z.string(),
    shortName: z.string().nullable(),
    natoMember: z.boolean().nullable(),
    natoPlus: z.boolean().nullable(),
    standardOedDays: z.number().int().nullable(),
    verified: z.boolean(),
    verifiedAt: z.iso.datetime().nullable(),
    source: z.string(),
    effectiveFrom: z.iso.datetime(),
    effectiveTo: z.iso.datetime().nullable(),
    version: z.number().int(),
  })
  .meta({ id: "Organization" });
export type OrganizationView = z.infer<typeof OrganizationView>;
