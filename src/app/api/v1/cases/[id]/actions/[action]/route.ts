import { apiRoute } from "@/server/api/handler";
import { performCaseAction } from "@/server/cases/perform-case-action";

export const POST = apiRoute<{ id: string; action: string }>(async (actor, { params, body, context, request }) => {
  const result = await performCaseAction(actor, params.id, params.action, await body(), context, {
    idempotencyKey: request.headers.get("idempotency-key"),
  });
  return Response.json(result.case, {
    headers: { "cache-control": "no-store", ...(result.replayed ? { "idempotent-replayed": "true" } : {}) },
  });
});
