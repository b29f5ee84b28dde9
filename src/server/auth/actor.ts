import "server-only";
import { createHash } from "node:crypto";
import { cache } from "react";
import { redirect } from "next/navigation";
import { actorFromUser, type Actor, type ActingUser } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import { Prisma } from "@/generated/prisma/client";
import { sessionStatus, shouldTouchSession } from "@/domain/security";
import { sessionTimeouts } from "@/env";
import { db } from "../db";
import { prepared, queryRows } from "../json-rows";
import { AppError, authorize } from "../errors";
import { noteRequestUser } from "../request-log";
import type { RequestContext } from "../request-context";
import { countAttempt } from "../throttle";
import { auth } from "./next-auth";

/** The acting user's columns, read with the session or token in one statement (every request does it). */
interface ActingUserRow {
  userId: string;
  email: string;
  name: string;
  role: ActingUser["role"];
  active: boolean;
  organizationId: string;
  organizationKind: ActingUser["organization"]["kind"];
  organizationName: string;
  organizationCode: string;
}

const ACTING_USER_COLUMNS = Prisma.sql`u.id AS "userId", u.email, u.name, u.role::text AS role, u.active,
  u.organization_id AS "organizationId", o.kind::text AS "organizationKind", o.name AS "organizationName",
  o.code AS "organizationCode"`;

const actingUser = (row: ActingUserRow): ActingUser => ({
  id: row.userId,
  email: row.email,
  name: row.name,
  role: row.role,
  organizationId: row.organizationId,
  organization: { kind: row.organizationKind, name: row.organizationName, code: row.organizationCode },
});

/**
 * The actor behind a server-side session, read fresh from the database: a deactivated user or a changed role
 * takes effect on the very next request, on every app instance.
 */
export async function actorForSession(sessionId: string, now = new Date()): Promise<Actor | null> {
  if (!isUuid(sessionId)) return null;
  const [session] = await queryRows<ActingUserRow & { createdAt: Date; expiresAt: Date; lastSeenAt: Date; endedAt: Date | null }>(
    db(),
    prepared(Prisma.sql`SELECT s.created_at AS "createdAt", s.expires_at AS "expiresAt", s.last_seen_at AS "lastSeenAt", s.ended_at AS "endedAt", ${ACTING_USER_COLUMNS}
                          FROM sessions s JOIN users u ON u.id = s.user_id JOIN organizations o ON o.id = u.organization_id
                         WHERE s.id = ${sessionId}::uuid`),
  );
  if (!session) return null;
  const status = sessionStatus(session, now, sessionTimeouts());
  const endReason = status !== "active" ? status : !session.active ? "user_deactivated" : null;
  if (endReason) {
    if (!session.endedAt) {
      await db().session.updateMany({
        where: { id: sessionId, endedAt: null },
        data: { endedAt: now, endReason },
      });
    }
    return null;
  }
  if (shouldTouchSession(session.lastSeenAt, now)) {
    await db().session.update({ where: { id: sessionId }, data: { lastSeenAt: now } });
  }
  noteRequestUser(session.userId);
  return actorFromUser(actingUser(session), { sessionId });
}

export function hashApiToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

type TokenRow = ActingUserRow & { tokenId: string; revokedAt: Date | null; expiresAt: Date | null; lastUsedAt: Date | null };

/**
 * The token's actor, read in one statement with the caller's lockout (`throttleKey`'s counter, when one is given): a
 * token request pays one round trip to the database, not two.
 */
async function readApiToken(secret: string | undefined, throttleKey: string | null, now: Date): Promise<{ token: TokenRow | null; lockedUntil: Date | null }> {
  const hash = secret?.startsWith("cwt_") && secret.length <= 200 ? hashApiToken(secret) : null;
  if (!hash && !throttleKey) return { token: null, lockedUntil: null };
  const [row] = await queryRows<Partial<TokenRow> & { lockedUntil: Date | null }>(
    db(),
    prepared(Prisma.sql`SELECT (SELECT r.locked_until FROM rate_limits r WHERE r.key = ${throttleKey} AND r.locked_until > ${now}) AS "lockedUntil",
                               t.id AS "tokenId", t.revoked_at AS "revokedAt", t.expires_at AS "expiresAt", t.last_used_at AS "lastUsedAt", ${ACTING_USER_COLUMNS}
                          FROM (VALUES (1)) AS one (n)
                          LEFT JOIN (api_tokens t JOIN users u ON u.id = t.user_id JOIN organizations o ON o.id = u.organization_id)
                            ON t.token_hash = ${hash}`),
  );
  return { token: row?.tokenId ? (row as TokenRow) : null, lockedUntil: row?.lockedUntil ?? null };
}

async function actorOfToken(token: TokenRow | null, now: Date): Promise<Actor | null> {
  if (!token || token.revokedAt || !token.active) return null;
  if (token.expiresAt && token.expiresAt.getTime() <= now.getTime()) return null;
  if (!token.lastUsedAt || shouldTouchSession(token.lastUsedAt, now)) {
    await db().apiToken.update({ where: { id: token.tokenId }, data: { lastUsedAt: now } });
  }
  noteRequestUser(token.userId);
  return actorFromUser(actingUser(token), { tokenId: token.tokenId });
}

export async function actorForApiToken(secret: string, now = new Date()): Promise<Actor | null> {
  return actorOfToken((await readApiToken(secret, null, now)).token, now);
}

/** The signed-in person for this request (browser session), or null. Cached for the request. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const session = await auth();
  if (!session?.sid) return null;
  return actorForSession(session.sid);
});

/** For pages and server actions: the actor, or a redirect to the sign-in page. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (actor) return actor;
  const session = await auth();
  redirect(session?.sid ? "/signin?ended=1" : "/signin");
}

/** Guessing tokens: this many failures from one address within the window earn a lockout (429). */
export const API_AUTH_THROTTLE = { maxFailures: 20, windowMinutes: 15, lockoutMinutes: 15 };

async function bearerActor(authorization: string, context: RequestContext, now = new Date()): Promise<Actor> {
  const key = `api-auth:${context.ip ?? "unknown"}`;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  const { token, lockedUntil } = await readApiToken(match?.[1], key, now);
  // Locked out: refused whatever the token, as a lockout means.
  if (lockedUntil) {
    throw new AppError("RATE_LIMITED", "Too many failed API authentications from your address. Try again later.", {
      retryAfterSeconds: Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000),
    });
  }
  const actor = await actorOfToken(token, now);
  if (!actor) {
    await db().$transaction((tx) => countAttempt(tx, key, now, API_AUTH_THROTTLE));
    throw new AppError("UNAUTHENTICATED", "The API token is invalid, expired or revoked");
  }
  return actor;
}

/** For /api/v1: a personal API token (Authorization: Bearer) or the browser session. */
export async function requireApiActor(request: Request, context: RequestContext): Promise<Actor> {
  const authorization = request.headers.get("authorization");
  if (authorization) return bearerActor(authorization, context);
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in or send an API token: Authorization: Bearer <token>");
  return actor;
}

/** Enforces the policy table. Another country's record answers 404, not 403; the door audits either refusal. */
export const assertCan = authorize;
