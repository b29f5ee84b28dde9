import "server-only";
import type { Actor } from "@/domain/policy";
import { sessionTimeouts } from "@/env";
import { db } from "../db";

export async function getOwnSession(actor: Actor) {
  if (!actor.sessionId) return null;
  const session = await db().session.findFirst({ where: { id: actor.sessionId, userId: actor.userId } });
  if (!session) return null;
  return { createdAt: session.createdAt, expiresAt: session.expiresAt, ip: session.ip, idleMinutes: sessionTimeouts().idleMinutes };
}
