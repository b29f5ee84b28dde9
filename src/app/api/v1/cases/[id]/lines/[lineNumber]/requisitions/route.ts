import { apiRoute } from "@/server/api/handler";
import { submitRequisition } from "@/server/execution/submit-requisition";

export const POST = apiRoute<{ id: string; lineNumber: string }>(async (actor, { params, body, context, request }) => {
  const result = await submitRequisition(actor, params.id, params.lineNumber, await body(), context, {
    idempotencyKey: request.headers.get("idempotency-key"),
  });
  return Response.json(result.requisition, {
    status: 201,
    headers: { "cache-control": "no-store", ...(result.replayed ? { "idempotent-replayed": "true" } : {}) },
  });
});
