import Decimal from "decimal.js";
import { z } from "zod";

// Money is exact: US dollars as decimal strings with at most two decimal places ("1250000.00"), never floats.

/** The largest amount Caseway accepts anywhere: just under one trillion dollars. */
export const MAX_AMOUNT = new Decimal("999999999999.99");

const AMOUNT_PATTERN = /^\d{1,12}(\.\d{1,2})?$/;

/**
 * A dollar amount from a form ("1,250,000.50", "$300") or JSON (a string, or a number with at most two decimals).
 * Normalized to a plain two-decimal string.
 */
export function dollarAmount(label: string, { min = "0.01" }: { min?: string } = {}) {
  const message = `${label} must be an amount in US dollars, like 1250000.00`;
  return z
    .union([z.string(), z.number()], { error: message })
    .transform((value, ctx) => {
      const typed = (typeof value === "number" ? String(value) : value).trim().replace(/^\$/, "");
      // Commas may only group thousands ("1,250,000.50"). A decimal comma ("12,50") is refused, not read as 1250.
      if (typed.includes(",") && !/^\d{1,3}(,\d{3})+(\.\d{1,2})?$/.test(typed)) {
        ctx.addIssue({ code: "custom", message: `${label}: use a dot for cents, like 1250.50 (commas only separate thousands)` });
        return z.NEVER;
      }
      const text = typed.replace(/,/g, "");
      if (!AMOUNT_PATTERN.test(text)) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      const amount = new Decimal(text);
      if (amount.lt(min)) {
        ctx.addIssue({ code: "custom", message: `${label} must be at least $${min}` });
        return z.NEVER;
      }
      if (amount.gt(MAX_AMOUNT)) {
        ctx.addIssue({ code: "custom", message: `${label} must be less than one trillion dollars` });
        return z.NEVER;
      }
      return amount.toFixed(2);
    });
}

/** "$1,250,000.00" from an exact decimal string, without passing through a float for large values. */
export function formatUsd(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === "") return "—";
  const value = new Decimal(amount);
  const [whole, cents = "00"] = value.abs().toFixed(2).split(".");
  const grouped = (whole ?? "0").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value.isNegative() ? "-" : ""}$${grouped}.${cents}`;
}

export function sumAmounts(amounts: readonly (string | null | undefined)[]): string {
  return toAmount(amounts.reduce<Decimal>((total, amount) => (amount ? total.plus(amount) : total), new Decimal(0)));
}

/** Rounds half-up to the cent (ROUND_HALF_UP rounds away from zero), staying an exact decimal. */
export const toCents = (value: Decimal.Value) => new Decimal(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** An exact decimal written as a two-decimal amount string ("1250000.00"); decimal.js formatting, never a float. */
export const toAmount = (value: Decimal.Value) => toCents(value).toFixed(2);

/** `part` as a percent of `whole`, cut (not rounded) to `places` decimals ("79.4"), in exact decimal arithmetic. */
export function percentOf(part: Decimal.Value, whole: Decimal.Value, places = 1): string {
  const divisor = new Decimal(whole);
  if (divisor.isZero()) return new Decimal(100).toFixed(places);
  return new Decimal(part).div(divisor).times(100).toDecimalPlaces(places, Decimal.ROUND_DOWN).toFixed(places);
}

/** What someone typed in a money field ("$1,250.50") as a plain amount string, or null while it is not one yet. */
export function typedAmount(typed: string): string | null {
  const text = typed.trim().replace(/^\$/, "").replace(/,/g, "");
  return AMOUNT_PATTERN.test(text) ? text : null;
}

/** What someone typed in a count field ("1,500") as a whole number, or null while it is not one yet. */
export function typedCount(typed: string): number | null {
  const text = typed.trim().replace(/,/g, "");
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}
