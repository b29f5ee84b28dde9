import { apiRoute } from "@/server/api/handler";
import { predictCaseForActor } from "@/server/insight/predict-case";

export const GET = apiRoute<{ id: string }>(async (actor, { params }) => predictCaseForActor(actor, params.id));
