import { can, type Actor } from "@/domain/policy";

export interface NavItem {
  href: string;
  label: string;
}

/** Navigation drawn from the policy table, so a link appears exactly when its page would let the person in. */
export function navigationFor(actor: Actor): NavItem[] {
  const items: NavItem[] = [{ href: "/", label: "Home" }];
  if (can(actor, "listMyTasks")) items.push({ href: "/tasks", label: "My tasks" });
  if (can(actor, "viewDashboard")) items.push({ href: "/dashboard", label: "Dashboard" });
  if (can(actor, "listLors")) {
    items.push({ href: "/lors", label: actor.role === "PARTNER_OFFICER" ? "My letters of request" : "Letters of request" });
  }
  if (can(actor, "listCases")) items.push({ href: "/cases", label: actor.role === "PARTNER_OFFICER" ? "My cases" : "Cases" });
  if (can(actor, "quotePricing")) items.push({ href: "/pricing", label: "What-if pricing" });
  if (actor.role === "PARTNER_OFFICER") {
    items.push({ href: `/organizations/${actor.organizationId}`, label: "My country" });
  } else {
    items.push({ href: "/organizations", label: "Organizations" });
  }
  if (can(actor, "viewPolicyAdministration")) items.push({ href: "/admin/policy", label: "Policy" });
  if (can(actor, "listUsers")) items.push({ href: "/admin/users", label: "Users" });
  if (can(actor, "assignOfficeAccountable")) items.push({ href: "/admin/offices", label: "Offices" });
  if (can(actor, "manageWebhooks")) items.push({ href: "/webhooks", label: "Webhooks" });
  if (can(actor, "viewAuditLog")) items.push({ href: "/audit", label: "Audit log" });
  items.push({ href: "/profile", label: "Profile" });
  return items;
}

/** A list's CSV export URL carrying the list's filters and sort but not its page (ADR 0025). */
export function exportHref(path: string, params: Record<string, string>): string {
  const kept = Object.entries(params).filter(([key, value]) => key !== "page" && key !== "pageSize" && typeof value === "string" && value !== "");
  return `${path}?${new URLSearchParams(kept)}`;
}
