import "server-only";
import { TERMS_OF_SALE } from "@/domain/loa/codes";
import { emptyLine } from "@/domain/loa/content";
import { validateLoaContent } from "@/domain/loa/validation";
import type { Actor } from "@/domain/policy";
import { PricingQuoteInput, type PricingQuoteView } from "@/domain/schemas/loa";
import { notificationDetermination } from "@/domain/pricing/notification";
import { priceLoa } from "@/domain/pricing/price";
import { MissingRateError } from "@/domain/pricing/rates";
import { isoDay, startOfUtcDay } from "@/domain/sla";
import { assertCan } from "../auth/actor";
import { db } from "../db";
import { AppError, parseInput, type FieldErrors } from "../errors";
import { loadRates } from "./loa-store";

/** What-if pricing: lines in, every charge and the notification determination out, at the rates of the chosen day. */
export async function quotePricing(actor: Actor, raw: unknown): Promise<PricingQuoteView> {
  assertCan(actor, "quotePricing");
  const input = parseInput(PricingQuoteInput, raw);
  const pricedOn = startOfUtcDay(input.pricedOn ?? isoDay(new Date()));
  const lines = input.lines.map((line) => ({
    ...emptyLine(line.lineNumber),
    ...line,
    genericCode: line.genericCode ?? "",
    maslNumber: line.maslNumber ?? "",
    description: line.description ?? "",
  }));
  const errors: FieldErrors = {};
  for (const issue of validateLoaContent(
    // Every term is offered so that no line is refused for a term of sale a what-if has no reason to choose.
    { description: "", customerReference: "", termsOfSale: TERMS_OF_SALE.map((term) => ({ term, amount: null })), initialDepositPercent: "0", paymentQuarters: 0, lines, notes: [] },
    { caseType: input.caseType, clssaPart: null },
  )) {
    errors[issue.path] ??= issue.message;
  }
  if (Object.keys(errors).length) throw new AppError("VALIDATION_FAILED", "Some lines cannot be priced", { fields: errors });
  const rates = await loadRates(db());
  try {
    const priced = priceLoa(lines, { rates, pricedOn });
    const notification = notificationDetermination(lines, priced, { natoPlus: input.natoPlus, rates, on: pricedOn });
    return { pricedOn: isoDay(pricedOn), ...priced, notification };
  } catch (error) {
    if (error instanceof MissingRateError) throw new AppError("VALIDATION_FAILED", error.message, { fields: { pricedOn: error.message } });
    throw error;
  }
}
