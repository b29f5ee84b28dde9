import { apiRoute } from "@/server/api/handler";
import { performDocumentAction } from "@/server/loa/perform-document-action";

export const POST = apiRoute<{ id: string; number: string; action: string }>(async (actor, { params, body, context }) =>
  performDocumentAction(actor, params.id, params.number, params.action, await body(), context),
);
