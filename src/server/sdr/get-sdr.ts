import "server-only";
import type { Actor } from "@/domain/policy";
import type { SdrView } from "@/domain/schemas/sdr";
import { db } from "../db";
import { findSdr, sdrNumberOf, toSdrView, visibleSdrCase } from "./sdr-store";

/** One report with its evidence, comments (partners: the partner-visible ones) and history; another country's is a 404. */
export async function getSdr(actor: Actor, caseId: string, number: string | number, now: Date = new Date()): Promise<SdrView> {
  const caseRow = await visibleSdrCase(db(), actor, caseId);
  const row = await findSdr(db(), caseId, sdrNumberOf(number));
  return toSdrView(db(), actor, caseRow, row, now);
}
