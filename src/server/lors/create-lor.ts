import "server-only";
import type { Actor } from "@/domain/policy";
import { CreateLorInput } from "@/domain/schemas/lor";
import type { Prisma } from "../../generated/prisma/client";
import { assertCan } from "../auth/actor";
import { recordAudit } from "../audit";
import { db } from "../db";
import { parseInput } from "../errors";
import type { RequestContext } from "../request-context";
import { contentData } from "./lor-content";
import { contentSnapshot, loadLor, toLorView } from "./lor-record";

/** A partner officer starts a draft for their own country; every content field may still be empty. */
export async function createLor(actor: Actor, input: unknown, context: RequestContext) {
  assertCan(actor, "createLor");
  const content = parseInput(CreateLorInput, input);
  return db().$transaction(async (tx) => {
    const data = await contentData(tx, content);
    const created = await tx.letterOfRequest.create({
      data: { ...(data as Prisma.LetterOfRequestUncheckedCreateInput), countryId: actor.organizationId, createdById: actor.userId },
    });
    const row = (await loadLor(tx, created.id))!;
    await recordAudit(tx, {
      action: "lor.create",
      outcome: "SUCCESS",
      actor,
      target: { type: "lor", id: row.id },
      details: { toStatus: "DRAFT", after: contentSnapshot(row) as Prisma.InputJsonObject },
      context,
    });
    return toLorView(row, new Date(), actor);
  });
}
