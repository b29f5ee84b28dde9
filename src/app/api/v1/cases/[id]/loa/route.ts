import { apiRoute } from "@/server/api/handler";
import { getWorkingLoa } from "@/server/loa/get-working-loa";
import { saveLoaDraft } from "@/server/loa/save-loa-draft";

export const GET = apiRoute<{ id: string }>(async (actor, { params }) => {
  const working = await getWorkingLoa(actor, params.id);
  return { ...working.document, editable: working.editable, startsChange: working.startsChange, lockedReason: working.lockedReason };
});
export const PUT = apiRoute<{ id: string }>(async (actor, { params, body, context }) => saveLoaDraft(actor, params.id, await body(), context));
