import { apiRoute } from "@/server/api/handler";
import { quotePricing } from "@/server/loa/quote-pricing";

export const POST = apiRoute(async (actor, { body }) => quotePricing(actor, await body()));
