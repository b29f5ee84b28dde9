import { apiRoute } from "@/server/api/handler";
import { recordPayment } from "@/server/finance/record-payment";

export const POST = apiRoute<{ id: string }>(async (actor, { params, body, context, request }) => {
  const { result, replayed } = await recordPayment(actor, params.id, await body(), context, {
    idempotencyKey: request.headers.get("idempotency-key"),
  });
  return Response.json(result, {
    status: 201,
    headers: { "cache-control": "no-store", ...(replayed ? { "idempotent-replayed": "true" } : {}) },
  });
});
