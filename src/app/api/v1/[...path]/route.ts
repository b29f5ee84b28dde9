import { randomUUID } from "node:crypto";
import { AppError } from "@/server/errors";
import { errorResponse } from "@/server/api/handler";

// Unknown API paths answer in the API's own error shape, not with an HTML page.
function unknownRoute(request: Request) {
  const path = new URL(request.url).pathname;
  return errorResponse(new AppError("NOT_FOUND", `No API endpoint at ${path}`), request.headers.get("x-request-id") ?? randomUUID());
}

export const GET = unknownRoute;
export const POST = unknownRoute;
export const PUT = unknownRoute;
export const PATCH = unknownRoute;
export const DELETE = unknownRoute;
