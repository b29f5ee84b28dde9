import "server-only";
import type { Actor } from "@/domain/policy";
import { requireApiActor } from "../auth/actor";
import { AppError, RefusalError } from "../errors";
import { log } from "../log";
import { auditRefusal } from "../refusals";
import { contextFromHeaders, REQUEST_ID_HEADER, type RequestContext } from "../request-context";
import { unavailableError } from "../unavailable";
import { assertSameOriginWrite } from "./same-origin";

export interface ApiCall<P> {
  request: Request;
  params: P;
  context: RequestContext;
  /** Parsed JSON body; a malformed body is a 400 before the handler runs. */
  body: () => Promise<unknown>;
  query: Record<string, string>;
}

type RouteContext<P> = { params: Promise<P> };

const contextOf = (request: Request): RequestContext => contextFromHeaders(request.headers);

export function errorResponse(caught: unknown, requestId: string): Response {
  // Anything that is not an AppError is our fault: log it, and tell the caller only the request id.
  const error =
    caught instanceof AppError
      ? caught
      : (unavailableError(caught) ??
        new AppError("INTERNAL", `Something went wrong on our side. Quote request id ${requestId} to support.`));
  if (error !== caught) log.error({ err: caught, requestId }, "unexpected error answering an API request");
  const headers: Record<string, string> = { [REQUEST_ID_HEADER]: requestId, "cache-control": "no-store" };
  if (error.extra.retryAfterSeconds) headers["retry-after"] = String(error.extra.retryAfterSeconds);
  if (error.status === 401) headers["www-authenticate"] = 'Bearer realm="caseway"';
  return Response.json(
    {
      error: {
        code: error.code,
        message: error.message,
        ...(error.extra.fields ? { fields: error.extra.fields } : {}),
        ...(error.extra.currentVersion !== undefined ? { currentVersion: error.extra.currentVersion } : {}),
        ...(error.extra.remaining !== undefined ? { remaining: error.extra.remaining } : {}),
      },
    },
    { status: error.status, headers },
  );
}

async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.toLowerCase().includes("application/json")) {
    throw new AppError("BAD_REQUEST", "Send the request body as JSON with Content-Type: application/json");
  }
  const text = await request.text();
  if (text.length > 1_000_000) throw new AppError("BAD_REQUEST", "The request body is too large");
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON");
  }
}

function respond(result: unknown, status: number, requestId: string): Response {
  if (result instanceof Response) {
    result.headers.set(REQUEST_ID_HEADER, requestId);
    // Files (PDFs, attachments) are someone's records: never kept by a shared cache, unless the handler chose otherwise.
    if (!result.headers.has("cache-control")) result.headers.set("cache-control", "no-store");
    return result;
  }
  return Response.json(result, { status, headers: { [REQUEST_ID_HEADER]: requestId, "cache-control": "no-store" } });
}

/** A thin door onto a use case: authenticates (token or session), runs it, and maps errors to the JSON error shape. */
export function apiRoute<P = Record<string, never>>(
  handler: (actor: Actor, call: ApiCall<P>) => Promise<unknown>,
  { status = 200 }: { status?: number } = {},
) {
  return async (request: Request, route: RouteContext<P>) => {
    const context = contextOf(request);
    try {
      assertSameOriginWrite(request);
      const actor = await requireApiActor(request, context);
      const params = await route.params;
      const query = Object.fromEntries(new URL(request.url).searchParams);
      const result = await handler(actor, { request, params, context, query, body: () => readJson(request) });
      return respond(result, status, context.requestId);
    } catch (error) {
      if (error instanceof RefusalError) await auditRefusal(error, context, { method: request.method, path: new URL(request.url).pathname });
      return errorResponse(error, context.requestId);
    }
  };
}

/** Routes that need no sign-in (health, OpenAPI). */
export function publicRoute(handler: (request: Request) => Promise<unknown>) {
  return async (request: Request) => {
    const context = contextOf(request);
    try {
      return respond(await handler(request), 200, context.requestId);
    } catch (error) {
      return errorResponse(error, context.requestId);
    }
  };
}
