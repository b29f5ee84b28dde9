import type { LoaLine } from "../loa/content";

// How a line of the LOA in force is executed (fms-domain.md §11): articles counted by quantity (Defined Order lines:
// contracts and shipments), a dollar value drawn by requisitions (Blanket Order and CLSSA lines), or services
// delivered by the month or event.

export const LINE_KINDS = ["ARTICLES", "BLANKET", "SERVICES"] as const;
export type LineKind = (typeof LINE_KINDS)[number];

export const LINE_KIND_LABELS: Record<LineKind, string> = {
  ARTICLES: "Articles (defined quantity)",
  BLANKET: "Blanket order (dollar value, requisitions)",
  SERVICES: "Services",
};

/** Nothing ships on a line without a delivery term: it is services. Otherwise a quantity means defined articles. */
export function lineKindOf(line: Pick<LoaLine, "quantity" | "deliveryTermCode">): LineKind {
  if (line.deliveryTermCode === null) return "SERVICES";
  return line.quantity !== null ? "ARTICLES" : "BLANKET";
}
