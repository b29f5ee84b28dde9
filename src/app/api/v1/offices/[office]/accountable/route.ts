import { apiRoute } from "@/server/api/handler";
import { assignOfficeAccountable } from "@/server/offices/assign-office-accountable";

export const PUT = apiRoute<{ office: string }>(async (actor, { params, body, context }) =>
  assignOfficeAccountable(actor, decodeURIComponent(params.office), await body(), context),
);
