import { apiRoute } from "@/server/api/handler";
import { createLor } from "@/server/lors/create-lor";
import { listLors } from "@/server/lors/list-lors";

export const GET = apiRoute(async (actor, { query }) => listLors(actor, query));
export const POST = apiRoute(async (actor, { body, context }) => createLor(actor, await body(), context), { status: 201 });
