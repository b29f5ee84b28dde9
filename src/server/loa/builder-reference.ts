import "server-only";
import type { Actor } from "@/domain/policy";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { loadRates } from "./loa-store";

/** What the builder and the what-if calculator price with in the browser: the rate table and the note library. */
export async function getPricingReference(actor: Actor) {
  assertCan(actor, "quotePricing");
  const client = db();
  const [rates, notes] = await Promise.all([
    loadRates(client),
    client.loaNoteTemplate.findMany({ orderBy: [{ historic: "asc" }, { title: "asc" }] }),
  ]);
  return {
    rates: rates.map((r) => ({ key: r.key, value: r.value, effectiveFrom: r.effectiveFrom.toISOString(), effectiveTo: r.effectiveTo?.toISOString() ?? null })),
    noteLibrary: notes.map((n) => ({ key: n.key, title: n.title, whenRequired: n.whenRequired, text: n.text, historic: n.historic })),
  };
}
