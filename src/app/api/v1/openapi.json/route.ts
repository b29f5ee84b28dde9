import { publicRoute } from "@/server/api/handler";
import { buildOpenApiDocument } from "@/server/api/openapi";

export const GET = publicRoute(async () => buildOpenApiDocument());
