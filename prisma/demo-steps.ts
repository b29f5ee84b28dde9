// What the demo seeds share: who does a step (demo users as Actors, loaded once), when (days before the seed's `now`),
// and running backdated steps oldest first, each in its own transaction as a person would have done them.
import { actorFromUser, type Actor } from "../src/domain/policy";
import { isoDay } from "../src/domain/sla";
import type { PrismaClient } from "../src/generated/prisma/client";
import type { Tx } from "../src/server/db";

const DAY = 86_400_000;

/** One thing that happened `ago` days before the seed's `now`, done by the demo user `by`. */
export interface DemoStep {
  ago: number;
  by: string;
  run: (tx: Tx, actor: Actor, now: Date, day: (ago: number) => string) => Promise<unknown>;
}

/** The demo user with this e-mail address as an Actor, each loaded once. */
export function demoActors(prisma: PrismaClient): (email: string) => Promise<Actor> {
  const actors = new Map<string, Actor>();
  return async (email) => {
    if (!actors.has(email)) {
      const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { organization: true } });
      actors.set(email, actorFromUser(user));
    }
    return actors.get(email)!;
  };
}

/** `ago` days before `now`, as a moment and as an ISO day. */
export function demoClock(now: Date) {
  const at = (ago: number) => new Date(now.getTime() - ago * DAY);
  return { at, day: (ago: number) => isoDay(at(ago)) };
}

/** Runs the steps oldest first, each in its own transaction at its own moment. */
export async function runDemoSteps(prisma: PrismaClient, steps: readonly DemoStep[], now: Date, actor = demoActors(prisma)) {
  const { at, day } = demoClock(now);
  for (const step of [...steps].sort((a, b) => b.ago - a.ago)) {
    const by = await actor(step.by);
    await prisma.$transaction((tx) => step.run(tx, by, at(step.ago), day));
  }
}
