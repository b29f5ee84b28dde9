import type { NotificationGroup } from "@/domain/notifications/kinds";

/**
 * The message key of each group of notification kinds (NoticesKinds.group.<key>, messages/<locale>/common.json); a
 * kind's own words are NoticesKinds.kind.<kind>. The domain keeps the English names, which the API and filters use.
 */
export const NOTICE_GROUP_KEYS: Record<NotificationGroup, string> = {
  "Your work": "yourWork",
  "Letters of request": "letters",
  "Cases and reviews": "cases",
  "Offers and changes": "offers",
  Money: "money",
  Deliveries: "deliveries",
  Closure: "closure",
  Policy: "policy",
  "Connected systems": "connectedSystems",
};
