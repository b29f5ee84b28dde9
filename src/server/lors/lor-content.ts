// From validated letter content to database columns. Kept free of `server-only` so the demo seed stores letters the
// same way the use cases do.
import { LOR_CONTENT_SHAPE, type LorContentInput } from "../../domain/schemas/lor";
import type { Prisma } from "../../generated/prisma/client";
import type { Tx } from "../db";
import { fieldError } from "../errors";
import { startOfUtcDay } from "../../domain/sla";

export const CONTENT_FIELDS = Object.keys(LOR_CONTENT_SHAPE) as (keyof LorContentInput)[];

/** An implementing agency by its code (e.g. "P"), or a 422 naming the field. */
export async function agencyByCode(tx: Tx, code: string, field: string) {
  const agency = await tx.organization.findFirst({
    where: { kind: "IMPLEMENTING_AGENCY", code, OR: [{ effectiveTo: null }, { effectiveTo: { gt: new Date() } }] },
    select: { id: true, code: true, name: true },
  });
  if (!agency) throw fieldError(field, `There is no implementing agency with code ${code}`);
  return agency;
}

const dateValue = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : startOfUtcDay(value));

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
