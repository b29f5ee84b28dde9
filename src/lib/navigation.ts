import { can, type Actor } from "@/domain/policy";

export interface NavItem {
  href: string;
  /** The item's message in the Shell.nav namespace. */
  key: NavKey;
}

export type NavKey =
  | "home"
  | "tasks"
  | "dashboard"
  | "myLetters"
  | "letters"
  | "myCases"
  | "cases"
  | "pricing"
  | "myCountry"
  | "organizations"
  | "policy"
  | "users"
  | "offices"
  | "webhooks"
  | "audit"
  | "profile";

/** Navigation drawn from the policy table, so a link appears exactly when its page would let the person in. */
export function navigationFor(actor: Actor): NavItem[] {
  const partner = actor.role === "PARTNER_OFFICER";
  const items: NavItem[] = [{ href: "/", key: "home" }];
  if (can(actor, "listMyTasks")) items.push({ href: "/tasks", key: "tasks" });
  if (can(actor, "viewDashboard")) items.push({ href: "/dashboard", key: "dashboard" });
  if (can(actor, "listLors")) items.push({ href: "/lors", key: partner ? "myLetters" : "letters" });
  if (can(actor, "listCases")) items.push({ href: "/cases", key: partner ? "myCases" : "cases" });
  if (can(actor, "quotePricing")) items.push({ href: "/pricing", key: "pricing" });
  items.push(partner ? { href: `/organizations/${actor.organizationId}`, key: "myCountry" } : { href: "/organizations", key: "organizations" });
  if (can(actor, "viewPolicyAdministration")) items.push({ href: "/admin/policy", key: "policy" });
  if (can(actor, "listUsers")) items.push({ href: "/admin/users", key: "users" });
  if (can(actor, "assignOfficeAccountable")) items.push({ href: "/admin/offices", key: "offices" });
  if (can(actor, "manageWebhooks")) items.push({ href: "/webhooks", key: "webhooks" });
  if (can(actor, "viewAuditLog")) items.push({ href: "/audit", key: "audit" });
  items.push({ href: "/profile", key: "profile" });
  return items;
}

/** A list's CSV export URL carrying the list's filters and sort but not its page (ADR 0025). */
export function exportHref(path: string, params: Record<string, string>): string {
  const kept = Object.entries(params).filter(([key, value]) => key !== "page" && key !== "pageSize" && typeof value === "string" && value !== "");
  return `${path}?${new URLSearchParams(kept)}`;
}
