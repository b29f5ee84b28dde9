import { apiRoute } from "@/server/api/handler";
import { getDisplayPreferences, updateDisplayPreferences } from "@/server/users/display-preferences";

export const GET = apiRoute(async (actor) => getDisplayPreferences(actor));
export const PUT = apiRoute(async (actor, { body, context }) => updateDisplayPreferences(actor, await body(), context));
