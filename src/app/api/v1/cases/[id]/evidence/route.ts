import { apiRoute } from "@/server/api/handler";
import { getCaseEvidence } from "@/server/cases/get-case-evidence";

/** The case's evidence bundle as a JSON download (ADR 0031; check it offline with scripts/verify-evidence.mjs). */
export const GET = apiRoute<{ id: string }>(async (actor, { params }) => {
  const bundle = await getCaseEvidence(actor, params.id);
  return new Response(JSON.stringify(bundle, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${bundle.case.identifier}-evidence.json"`,
      "cache-control": "private, no-store",
    },
  });
});
