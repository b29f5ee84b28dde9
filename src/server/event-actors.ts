import "server-only";
import type { Actor } from "@/domain/policy";
import { db } from "./db";

export interface EventActor {
  /** How the timeline names who acted: partners see U.S. Government staff by office only, everyone else by name. */
  who: string;
  /** The acting person's office ("Caseway" for events without a person). */
  office: string;
}

/**
 * Names the people behind a timeline's audit events for `viewer`, loading each person once. Events without a person
 * are Caseway's own; the clock's say so.
 */
export async function eventActors(
  viewer: Actor,
  events: readonly { actorUserId: string | null; actorEmail: string | null }[],
): Promise<(event: { actorUserId: string | null; actorEmail: string | null }) => EventActor> {
  const userIds = [...new Set(events.map((e) => e.actorUserId).filter((id): id is string => id !== null))];
  const users = await db().user.findMany({
    where: { id: { in: userIds } },
    select: { id: true, name: true, organization: { select: { id: true, name: true, shortName: true } } },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return (event) => {
    const user = event.actorUserId ? byId.get(event.actorUserId) : undefined;
    if (!user) return { who: event.actorEmail === "clock" ? "Caseway (on the date)" : "Caseway", office: "Caseway" };
    const office = user.organization.shortName ?? user.organization.name;
    const byOfficeOnly = viewer.role === "PARTNER_OFFICER" && user.organization.id !== viewer.organizationId;
    return { who: byOfficeOnly ? office : `${user.name}, ${office}`, office };
  };
}
