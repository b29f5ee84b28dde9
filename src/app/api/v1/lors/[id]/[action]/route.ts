import { apiRoute } from "@/server/api/handler";
import { AppError } from "@/server/errors";
import { LOR_ACTION_USE_CASES } from "@/server/lors/lor-actions";

export const POST = apiRoute<{ id: string; action: string }>(async (actor, { params, body, context }) => {
  const useCase = Object.hasOwn(LOR_ACTION_USE_CASES, params.action) ? LOR_ACTION_USE_CASES[params.action] : undefined;
  if (!useCase) throw new AppError("NOT_FOUND", `There is no letter-of-request action called ${params.action}`);
  return useCase(actor, params.id, await body(), context);
});
