import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatsFor } from "@/lib/format";

describe("dates and times on pages", () => {
  it("show the UTC instant with the zone named, and the hour after midnight as 00 (as browsers do, so hydration agrees)", () => {
    expect(formatDateTime("2026-12-05T00:05:00Z")).toBe("Dec 5, 2026, 00:05 UTC");
    expect(formatDateTime("2026-12-05T23:59:00Z")).toBe("Dec 5, 2026, 23:59 UTC");
    expect(formatDateTime(null)).toBe("—");
    expect(formatDate("2027-02-28T23:30:00Z")).toBe("Feb 28, 2027");
  });
});

describe("lists in a sentence", () => {
  it.each([
    ["en", "DSCA, State and DTSA"],
    ["fr", "DSCA, State et DTSA"],
    ["es", "DSCA, State y DTSA"],
  ] as const)("%s joins them as the language does (English without the serial comma, as the domain writes it)", (locale, expected) => {
    expect(formatsFor(locale, "UTC").and(["DSCA", "State", "DTSA"])).toBe(expected);
  });

  it("two items take no comma, one stands alone", () => {
    const f = formatsFor("en", "America/New_York");
    expect(f.and(["State", "DTSA"])).toBe("State and DTSA");
    expect(f.and(["DTSA"])).toBe("DTSA");
  });
});
