// Kept free of `server-only` so the demo seed draws designators the same way the app does.
import { designatorFor } from "../../domain/cases/identifier";
import type { Tx } from "../db";

/**
 * Draws the next designator for a country and agency. The upsert takes a row lock that is held until the opening
 * transaction ends, so concurrent openings queue and never share a designator; a rolled-back opening gives its number
 * back. Designators already taken (e.g. cases loaded from elsewhere) are skipped.
 */
export async function allocateDesignator(tx: Tx, countryId: string, agencyId: string): Promise<string> {
  for (;;) {
    const [row] = await tx.$queryRaw<{ allocated: number }[]>`
      INSERT INTO case_designator_sequences (country_id, agency_id, "next")
      VALUES (${countryId}::uuid, ${agencyId}::uuid, 1)
      ON CONFLICT (country_id, agency_id) DO UPDATE SET "next" = case_designator_sequences."next" + 1
      RETURNING "next" - 1 AS allocated`;
    const designator = designatorFor(Number(row!.allocated));
    const taken = await tx.case.findFirst({ where: { countryId, implementingAgencyId: agencyId, designator }, select: { id: true } });
    if (!taken) return designator;
  }
}
