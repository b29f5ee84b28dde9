import fs from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, type APIRequestContext, type APIResponse, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;
export const DEMO_PASSWORD = "Caseway-demo-2026";
export const SCREENS_DIR = path.join("test-results", "screens");

export type DemoUser = {
  email: string;
  name: string;
  role: string;
  roleLabel: string;
  organization: string;
  countryCode: string | null;
  nav: string[];
};

const USG_NAV = ["Home", "My tasks", "Dashboard", "Letters of request", "Cases", "What-if pricing", "Organizations", "Profile"];
/** Agency case managers also manage their agency's webhook subscriptions. */
const AGENCY_NAV = ["Home", "My tasks", "Dashboard", "Letters of request", "Cases", "What-if pricing", "Organizations", "Webhooks", "Profile"];

/** The demo users prisma/seed.ts creates, with what each should see in the header and navigation. */
export const DEMO_USERS: DemoUser[] = [
  {
    email: "partner.sr@caseway.example",
    name: "Faisal Al-Harbi",
    role: "PARTNER_OFFICER",
    roleLabel: "Partner-nation officer",
    organization: "Saudi Arabia",
    countryCode: "SR",
    nav: ["Home", "Dashboard", "My letters of request", "My cases", "What-if pricing", "My country", "Webhooks", "Profile"],
  },
  {
    email: "partner.bn@caseway.example",
    name: "Mira Castellan",
    role: "PARTNER_OFFICER",
    roleLabel: "Partner-nation officer",
    organization: "Bandaria (fictional demo customer)",
    countryCode: "BN",
    nav: ["Home", "Dashboard", "My letters of request", "My cases", "What-if pricing", "My country", "Webhooks", "Profile"],
  },
  {
    email: "dsca@caseway.example",
    name: "Dana Whitfield",
    role: "DSCA_ANALYST",
    roleLabel: "DSCA analyst",
    organization: "Defense Security Cooperation Agency",
    countryCode: null,
    nav: USG_NAV,
  },
  {
    email: "dsca2@caseway.example",
    name: "Jamal Carter",
    role: "DSCA_ANALYST",
    roleLabel: "DSCA analyst",
    organization: "Defense Security Cooperation Agency",
    countryCode: null,
    nav: USG_NAV,
  },
  {
    email: "state@caseway.example",
    name: "Marcus Reyes",
    role: "STATE_REVIEWER",
    roleLabel: "State Department reviewer",
    organization: "Department of State, Bureau of Political-Military Affairs",
    countryCode: null,
    nav: USG_NAV,
  },
  {
    email: "dtsa@caseway.example",
    name: "Priya Natarajan",
    role: "DTSA_REVIEWER",
    roleLabel: "DTSA reviewer",
    organization: "Defense Technology Security Administration",
    countryCode: null,
    nav: USG_NAV,
  },
  {
    email: "navy@caseway.example",
    name: "Tom Okafor",
    role: "IA_CASE_MANAGER",
    roleLabel: "Implementing-agency case manager",
    organization: "Department of the Navy",
    countryCode: null,
    nav: AGENCY_NAV,
  },
  {
    email: "army@caseway.example",
    name: "Grace Whitaker",
    role: "IA_CASE_MANAGER",
    roleLabel: "Implementing-agency case manager",
    organization: "Department of the Army (U.S. Army Security Assistance Command)",
    countryCode: null,
    nav: AGENCY_NAV,
  },
  {
    email: "admin@caseway.example",
    name: "Alex Morgan",
    role: "ADMIN",
    roleLabel: "Administrator",
    organization: "Defense Security Cooperation Agency",
    countryCode: null,
    nav: ["Home", "Dashboard", "Letters of request", "Cases", "What-if pricing", "Organizations", "Policy", "Users", "Offices", "Webhooks", "Audit log", "Profile"],
  },
  {
    email: "auditor@caseway.example",
    name: "Jordan Lee",
    role: "AUDITOR",
    roleLabel: "Auditor",
    organization: "Defense Security Cooperation Agency",
    countryCode: null,
    nav: ["Home", "Dashboard", "Letters of request", "Cases", "What-if pricing", "Organizations", "Policy", "Audit log", "Profile"],
  },
  {
    email: "finance@caseway.example",
    name: "Sam Brooks",
    role: "FINANCE_OFFICER",
    roleLabel: "Finance officer (DFAS)",
    organization: "Defense Security Cooperation Agency",
    countryCode: null,
    // Deposits to record arrive in My tasks.
    nav: USG_NAV,
  },
  {
    email: "policy@caseway.example",
    name: "Rosa Delgado",
    role: "POLICY_OFFICER",
    roleLabel: "Policy officer (DSCA)",
    organization: "Defense Security Cooperation Agency",
    countryCode: null,
    nav: ["Home", "Dashboard", "Letters of request", "Cases", "What-if pricing", "Organizations", "Policy", "Profile"],
  },
];

export const ADMIN = "admin@caseway.example";

/** A unique suffix so reruns (and tests within a run) never collide on email addresses or token names. */
let counter = 0;
export function unique(label: string): string {
  counter += 1;
  return `${label}-${Date.now().toString(36)}-${counter}`;
}

export function uniqueEmail(label: string): string {
  return `${unique(label)}@e2e.caseway.example`;
}

/** Fills and submits the sign-in form (without waiting for the outcome). */
export async function submitSignIn(page: Page, email: string, password: string) {
  if (!new URL(page.url(), BASE_URL).pathname.startsWith("/signin")) await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in through the sign-in page and waits for the home page. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await submitSignIn(page, email, password);
  await expect(page).toHaveURL(`${BASE_URL}/`);
  await expect(page.getByTestId("user-badge")).toBeVisible();
}

/**
 * Cookie-authenticated API writes must say they come from our own origin (ADR 0022). Browsers do that themselves;
 * Playwright's request contexts (`page.request`, `context.request`) send no Origin, so contexts whose `request` writes
 * with the session cookie add this (`test.use({ extraHTTPHeaders: SAME_ORIGIN })` for the `page` fixture).
 */
export const SAME_ORIGIN = { origin: BASE_URL };

/** A new browser context signed in as `email`; its `request` shares the session cookie (for /api/v1 calls). */
export async function signedInContext(browser: Browser, email: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext({ extraHTTPHeaders: SAME_ORIGIN });
  const page = await context.newPage();
  await signIn(page, email, password);
  return { context, page, api: context.request };
}

/** A request context with no cookies, optionally sending a bearer token. Dispose it when done. */
export async function bareApi(token?: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: token ? { authorization: `Bearer ${token}` } : {},
  });
}

export type ApiError = { error: { code: string; message: string; fields?: Record<string, string>; currentVersion?: number } };

export async function json<T = Record<string, unknown>>(response: APIResponse): Promise<T> {
  const type = response.headers()["content-type"] ?? "";
  expect(type, `content-type of ${response.url()}`).toContain("application/json");
  return (await response.json()) as T;
}

export type Organization = { id: string; kind: string; code: string; name: string; verified: boolean; version: number };

export async function organizations(api: APIRequestContext, query = ""): Promise<Organization[]> {
  const response = await api.get(`/api/v1/organizations${query}`);
  expect(response.status()).toBe(200);
  return (await json<{ items: Organization[] }>(response)).items;
}

export async function organizationByCode(api: APIRequestContext, kind: string, code: string): Promise<Organization> {
  const found = (await organizations(api, `?kind=${kind}`)).find((o) => o.code === code);
  expect(found, `organization ${kind} ${code}`).toBeTruthy();
  return found!;
}

export type UserView = {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  version: number;
  organization: { id: string; code: string; name: string; kind: string };
};

/** Creates a user through the admin API (`api` must belong to an administrator). */
export async function createUserViaApi(
  api: APIRequestContext,
  input: { email: string; name: string; role: string; organizationId: string; password: string },
): Promise<UserView> {
  const response = await api.post("/api/v1/users", { data: input });
  expect(response.status(), await response.text()).toBe(201);
  return json<UserView>(response);
}

/** Users whose email contains `q`, via the admin API. */
export async function findUsers(api: APIRequestContext, q: string): Promise<UserView[]> {
  const response = await api.get(`/api/v1/users?q=${encodeURIComponent(q)}&pageSize=100`);
  expect(response.status()).toBe(200);
  return (await json<{ items: UserView[] }>(response)).items;
}

export async function saveScreen(page: Page, name: string) {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true });
}

export async function closeAll(...contexts: (BrowserContext | APIRequestContext | undefined)[]) {
  for (const c of contexts) {
    if (!c) continue;
    if ("dispose" in c) await c.dispose();
    else await c.close();
  }
}

/**
 * A Bandarian partner officer made through the admin API for one test: what that test saves on the account (a
 * language, a signing key) never changes a demo account other journeys use.
 */
export async function newBandariaOfficer(browser: Browser, label: string): Promise<{ email: string; password: string }> {
  const admin = await signedInContext(browser, ADMIN);
  const email = uniqueEmail(label);
  const password = `Caseway-e2e-${label}-2026`;
  try {
    const bandaria = await organizationByCode(admin.api, "PARTNER_COUNTRY", "BN");
    await createUserViaApi(admin.api, { email, name: unique(label), role: "PARTNER_OFFICER", organizationId: bandaria.id, password });
  } finally {
    await closeAll(admin.context);
  }
  return { email, password };
}
