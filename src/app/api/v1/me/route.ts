import { apiRoute } from "@/server/api/handler";
import { describeActor } from "@/server/users/describe-actor";

export const GET = apiRoute(async (actor) => describeActor(actor));
