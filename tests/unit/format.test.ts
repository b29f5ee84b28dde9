import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "@/lib/format";

describe("dates and times on pages", () => {
  it("show the UTC instant with the zone named, and the hour after midnight as 00 (as browsers do, so hydration agrees)", () => {
    expect(formatDateTime("2026-12-05T00:05:00Z")).toBe("Dec 5, 2026, 00:05 UTC");
    expect(formatDateTime("2026-12-05T23:59:00Z")).toBe("Dec 5, 2026, 23:59 UTC");
    expect(formatDateTime(null)).toBe("—");
    expect(formatDate("2027-02-28T23:30:00Z")).toBe("Feb 28, 2027");
  });
});
