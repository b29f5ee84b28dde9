import { apiRoute } from "@/server/api/handler";
import { createUser } from "@/server/users/create-user";
import { listUsers } from "@/server/users/list-users";

export const GET = apiRoute(async (actor, { query }) => listUsers(actor, query));
export const POST = apiRoute(async (actor, { body, context }) => createUser(actor, await body(), context), { status: 201 });
