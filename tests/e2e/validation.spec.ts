import { expect, test, type APIRequestContext, type BrowserContext, type Page } from "./fixtures";
import {
  ADMIN,
  BASE_URL,
  closeAll,
  createUserViaApi,
  findUsers,
  json,
  organizationByCode,
  signIn,
  signedInContext,
  uniqueEmail,
  type ApiError,
  type Organization,
  type UserView,
} from "./helpers";

// Bad input never reaches the database and never produces a 500: forms show a message beside the field, the API
// answers 400 (not JSON) or 422 naming each field.

/** The field's error text is shown, and the input itself is marked invalid and described by that text. */
async function expectFieldError(page: Page, fieldId: string, message: string | RegExp) {
  await expect(page.getByTestId(`error-${fieldId}`)).toContainText(message);
  const input = page.locator(`#${fieldId}`);
  await expect(input).toHaveAttribute("aria-invalid", "true");
  // The description also carries the field's hint, if it has one.
  await expect(input).toHaveAccessibleDescription(typeof message === "string" ? new RegExp(escapeRegExp(message)) : message);
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

test.describe("sign-in form", () => {
  test("empty email and password", async ({ page }) => {
    await page.goto("/signin");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signin-error")).toContainText("Enter your email and password");
    await expectFieldError(page, "email", "Email is required");
    await expectFieldError(page, "password", "Password is required");
    await expect(page).toHaveURL(`${BASE_URL}/signin`);
  });

  test("an email address that is not one", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Email address").fill("not an email");
    await page.getByLabel("Password").fill("whatever");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expectFieldError(page, "email", "Enter an email address like name@example.gov");
    await expect(page.getByTestId("error-password")).toHaveCount(0);
    await expect(page.getByLabel("Email address")).toHaveValue("not an email");
  });
});

type CreateUserCase = {
  name: string;
  values: Partial<{ name: string; email: string; role: string; organization: string; password: string }>;
  field: "name" | "email" | "role" | "organizationId" | "password";
  message: string | RegExp;
  /** The email already belongs to someone (duplicate): it must still be exactly one account. */
  existing?: boolean;
};

const DSCA_OPTION = "Defense Security Cooperation Agency (DSCA)";

const CREATE_USER_CASES: CreateUserCase[] = [
  { name: "bad email", values: { email: "not-an-email" }, field: "email", message: "Enter an email address like name@example.gov" },
  { name: "short password", values: { password: "short" }, field: "password", message: "Password must be at least 12 characters" },
  { name: "missing role", values: { role: "" }, field: "role", message: "Choose a role" },
  { name: "missing name", values: { name: "   " }, field: "name", message: "Name is required" },
  { name: "missing organization", values: { organization: "" }, field: "organizationId", message: "Choose an organization" },
  {
    name: "partner role with a DSCA organization",
    values: { role: "Partner-nation officer" },
    field: "organizationId",
    message: "A partner-nation officer cannot belong to Defense Security Cooperation Agency",
  },
  {
    name: "duplicate email",
    values: { email: "DSCA@caseway.example" },
    field: "email",
    message: "A user with this email already exists",
    existing: true,
  },
];

test.describe("create-user form", () => {
  for (const c of CREATE_USER_CASES) {
    test(c.name, async ({ page }) => {
      const email = c.values.email ?? uniqueEmail("badform");
      const values = {
        name: "Valid Name",
        role: "DSCA analyst",
        organization: DSCA_OPTION,
        password: "Valid-password-1234",
        ...c.values,
        email,
      };
      await signIn(page, ADMIN);
      await page.goto("/admin/users/new");
      await page.getByLabel("Full name").fill(values.name);
      await page.getByLabel("Email address").fill(values.email);
      if (values.role) await page.getByLabel("Role").selectOption({ label: values.role });
      if (values.organization) await page.getByLabel("Organization").selectOption({ label: values.organization });
      await page.getByLabel("Initial password").fill(values.password);
      await page.getByRole("button", { name: "Create user" }).click();

      await expect(page.getByTestId("form-error")).toContainText("The user was not created");
      await expectFieldError(page, c.field, c.message);
      // Only that field is wrong.
      await expect(page.locator('[data-testid^="error-"]')).toHaveCount(1);
      await expect(page).toHaveURL(`${BASE_URL}/admin/users/new`);
      // What was typed is still there to correct.
      await expect(page.getByLabel("Full name")).toHaveValue(values.name);
      await expect(page.getByLabel("Email address")).toHaveValue(values.email);

      const matches = (await findUsers(page.request, values.email.trim().toLowerCase())).filter(
        (u) => u.email === values.email.trim().toLowerCase(),
      );
      expect(matches).toHaveLength(c.existing ? 1 : 0);
      if (c.existing) expect(matches[0]!.name).not.toBe("Valid Name");
    });
  }
});

const TOKEN_CASES = [
  { name: "empty token name", tokenName: "", expiry: "90", field: "token-name", message: "Token name is required" },
  { name: "blank token name", tokenName: "    ", expiry: "90", field: "token-name", message: "Token name is required" },
  { name: "expiry 0 days", tokenName: "zero", expiry: "0", field: "token-expiry", message: "Expiry must be at least 1 day" },
  { name: "expiry 400 days", tokenName: "long", expiry: "400", field: "token-expiry", message: "Expiry must be at most 365 days" },
  { name: "expiry not a number", tokenName: "nan", expiry: "soon", field: "token-expiry", message: "Expiry must be a number of days" },
];

test.describe("token form", () => {
  for (const c of TOKEN_CASES) {
    test(c.name, async ({ page }) => {
      await signIn(page, "auditor@caseway.example");
      await page.goto("/profile");
      const before = (await json<{ items: unknown[] }>(await page.request.get("/api/v1/me/tokens"))).items.length;
      await page.getByLabel("Token name").fill(c.tokenName);
      await page.getByLabel("Expires after (days)").fill(c.expiry);
      await page.getByRole("button", { name: "Create token" }).click();
      await expect(page.getByTestId("token-error")).toContainText("One field needs attention");
      await expectFieldError(page, c.field, c.message);
      await expect(page.getByTestId("token-created")).toHaveCount(0);
      await expect(page.getByTestId("token-secret")).toHaveCount(0);
      const after = (await json<{ items: unknown[] }>(await page.request.get("/api/v1/me/tokens"))).items.length;
      expect(after).toBe(before);
    });
  }
});

// ---- API ----

type Fixture = { dsca: Organization; army: Organization; target: UserView };

type ApiCase = {
  name: string;
  method: "get" | "post" | "patch";
  path: (f: Fixture) => string;
  /** An object is sent as JSON; a Buffer is sent as-is with `contentType`. */
  body?: (f: Fixture) => unknown;
  contentType?: string;
  status: 400 | 422;
  /** Field names error.fields must contain (422 only). */
  fields?: string[];
  /** A known application bug: the case is expected to fail until it is fixed (then remove this). */
};

const long = (n: number) => "x".repeat(n);

const validUser = (f: Fixture) => ({
  email: uniqueEmail("api-bad"),
  name: "Api Case",
  role: "DSCA_ANALYST",
  organizationId: f.dsca.id,
  password: "Api-case-password-1",
});


const API_CASES: ApiCase[] = [
  // POST /api/v1/users
  { name: "POST users: empty object", method: "post", path: () => "/api/v1/users", body: () => ({}), status: 422, fields: ["email", "name", "role", "organizationId", "password"] },
  { name: "POST users: bad email", method: "post", path: () => "/api/v1/users", body: (f) => ({ ...validUser(f), email: "nope" }), status: 422, fields: ["email"] },
  { name: "POST users: short password", method: "post", path: () => "/api/v1/users", body: (f) => ({ ...validUser(f), password: "short" }), status: 422, fields: ["password"] },
  { name: "POST users: unknown role", method: "post", path: () => "/api/v1/users", body: (f) => ({ ...validUser(f), role: "KING" }), status: 422, fields: ["role"] },
  { name: "POST users: partner role in DSCA", method: "post", path: () => "/api/v1/users", body: (f) => ({ ...validUser(f), role: "PARTNER_OFFICER" }), status: 422, fields: ["organizationId"] },
  { name: "POST users: organization not a uuid", method: "post", path: () => "/api/v1/users", body: (f) => ({ ...validUser(f), organizationId: "DSCA" }), status: 422, fields: ["organizationId"] },
  { name: "POST users: organization that does not exist", method: "post", path: () => "/api/v1/users", body: (f) => ({ ...validUser(f), organizationId: "00000000-0000-4000-8000-000000000000" }), status: 422, fields: ["organizationId"] },
  { name: "POST users: huge name", method: "post", path: () => "/api/v1/users", body: (f) => ({ ...validUser(f), name: long(100_000) }), status: 422, fields: ["name"] },
  { name: "POST users: huge email", method: "post", path: () => "/api/v1/users", body: (f) => ({ ...validUser(f), email: `${long(300)}@example.gov` }), status: 422, fields: ["email"] },
  { name: "POST users: huge password", method: "post", path: () => "/api/v1/users", body: (f) => ({ ...validUser(f), password: long(5_000) }), status: 422, fields: ["password"] },
  { name: "POST users: NUL in name", method: "post", path: () => "/api/v1/users", body: (f) => ({ ...validUser(f), name: "Bad\u0000Name" }), status: 422, fields: ["name"] },
  { name: "POST users: bell character in name", method: "post", path: () => "/api/v1/users", body: (f) => ({ ...validUser(f), name: "Ding\u0007Dong" }), status: 422, fields: ["name"] },
  { name: "POST users: right-to-left override in name", method: "post", path: () => "/api/v1/users", body: (f) => ({ ...validUser(f), name: "evil\u202Etxt.exe" }), status: 422, fields: ["name"] },
  { name: "POST users: NUL in email", method: "post", path: () => "/api/v1/users", body: (f) => ({ ...validUser(f), email: "a\u0000b@example.gov" }), status: 422, fields: ["email"] },
  { name: "POST users: wrong types", method: "post", path: () => "/api/v1/users", body: () => ({ email: 42, name: ["a"], role: 5, organizationId: true, password: 123456789012345 }), status: 422, fields: ["email", "name", "role", "organizationId", "password"] },
  { name: "POST users: unknown field", method: "post", path: () => "/api/v1/users", body: (f) => ({ ...validUser(f), isSuperuser: true }), status: 422, fields: ["isSuperuser"] },
  { name: "POST users: JSON null", method: "post", path: () => "/api/v1/users", body: () => Buffer.from("null"), contentType: "application/json", status: 422 },
  { name: "POST users: JSON array", method: "post", path: () => "/api/v1/users", body: () => Buffer.from("[]"), contentType: "application/json", status: 422 },
  { name: "POST users: not JSON (text/plain)", method: "post", path: () => "/api/v1/users", body: () => Buffer.from("email=a@b.gov"), contentType: "text/plain", status: 400 },
  { name: "POST users: form-encoded", method: "post", path: () => "/api/v1/users", body: () => Buffer.from("email=a%40b.gov&name=A"), contentType: "application/x-www-form-urlencoded", status: 400 },
  { name: "POST users: malformed JSON", method: "post", path: () => "/api/v1/users", body: () => Buffer.from('{"email": "a@b.gov",'), contentType: "application/json", status: 400 },
  { name: "POST users: body over 1 MB", method: "post", path: () => "/api/v1/users", body: () => Buffer.from(JSON.stringify({ name: long(1_100_000) })), contentType: "application/json", status: 400 },

  // PATCH /api/v1/users/{id}
  { name: "PATCH user: empty object", method: "patch", path: (f) => `/api/v1/users/${f.target.id}`, body: () => ({}), status: 422, fields: ["expectedVersion"] },
  { name: "PATCH user: nothing to change", method: "patch", path: (f) => `/api/v1/users/${f.target.id}`, body: (f) => ({ expectedVersion: f.target.version }), status: 422, fields: ["role"] },
  { name: "PATCH user: expectedVersion as string", method: "patch", path: (f) => `/api/v1/users/${f.target.id}`, body: () => ({ expectedVersion: "1", active: false }), status: 422, fields: ["expectedVersion"] },
  { name: "PATCH user: expectedVersion fractional", method: "patch", path: (f) => `/api/v1/users/${f.target.id}`, body: () => ({ expectedVersion: 1.5, active: false }), status: 422, fields: ["expectedVersion"] },
  { name: "PATCH user: expectedVersion 0", method: "patch", path: (f) => `/api/v1/users/${f.target.id}`, body: () => ({ expectedVersion: 0, active: false }), status: 422, fields: ["expectedVersion"] },
  { name: "PATCH user: expectedVersion beyond a 32-bit integer", method: "patch", path: (f) => `/api/v1/users/${f.target.id}`, body: () => ({ expectedVersion: 2 ** 31, active: false }), status: 422, fields: ["expectedVersion"] },
  { name: "PATCH user: active as string", method: "patch", path: (f) => `/api/v1/users/${f.target.id}`, body: (f) => ({ expectedVersion: f.target.version, active: "no" }), status: 422, fields: ["active"] },
  { name: "PATCH user: unknown role", method: "patch", path: (f) => `/api/v1/users/${f.target.id}`, body: (f) => ({ expectedVersion: f.target.version, role: "KING" }), status: 422, fields: ["role"] },
  { name: "PATCH user: role that does not fit the organization", method: "patch", path: (f) => `/api/v1/users/${f.target.id}`, body: (f) => ({ expectedVersion: f.target.version, role: "PARTNER_OFFICER" }), status: 422, fields: ["role"] },
  { name: "PATCH user: organization not a uuid", method: "patch", path: (f) => `/api/v1/users/${f.target.id}`, body: (f) => ({ expectedVersion: f.target.version, organizationId: "navy" }), status: 422, fields: ["organizationId"] },
  { name: "PATCH user: unknown field", method: "patch", path: (f) => `/api/v1/users/${f.target.id}`, body: (f) => ({ expectedVersion: f.target.version, active: true, email: "x@y.gov" }), status: 422, fields: ["email"] },
  { name: "PATCH user: not JSON", method: "patch", path: (f) => `/api/v1/users/${f.target.id}`, body: () => Buffer.from("active=false"), contentType: "text/plain", status: 400 },
  { name: "PATCH user: malformed JSON", method: "patch", path: (f) => `/api/v1/users/${f.target.id}`, body: () => Buffer.from("{active:false}"), contentType: "application/json", status: 400 },

  // POST /api/v1/me/tokens
  { name: "POST token: empty object", method: "post", path: () => "/api/v1/me/tokens", body: () => ({}), status: 422, fields: ["name"] },
  { name: "POST token: blank name", method: "post", path: () => "/api/v1/me/tokens", body: () => ({ name: "   " }), status: 422, fields: ["name"] },
  { name: "POST token: name too long", method: "post", path: () => "/api/v1/me/tokens", body: () => ({ name: long(81) }), status: 422, fields: ["name"] },
  { name: "POST token: huge name", method: "post", path: () => "/api/v1/me/tokens", body: () => ({ name: long(500_000) }), status: 422, fields: ["name"] },
  { name: "POST token: control character in name", method: "post", path: () => "/api/v1/me/tokens", body: () => ({ name: "tab\u0000null" }), status: 422, fields: ["name"] },
  { name: "POST token: lone surrogate in name", method: "post", path: () => "/api/v1/me/tokens", body: () => ({ name: "broken\uD800text" }), status: 422, fields: ["name"] },
  { name: "POST token: name as number", method: "post", path: () => "/api/v1/me/tokens", body: () => ({ name: 42 }), status: 422, fields: ["name"] },
  { name: "POST token: expiry 0", method: "post", path: () => "/api/v1/me/tokens", body: () => ({ name: "zero", expiresInDays: 0 }), status: 422, fields: ["expiresInDays"] },
  { name: "POST token: expiry 400", method: "post", path: () => "/api/v1/me/tokens", body: () => ({ name: "long", expiresInDays: 400 }), status: 422, fields: ["expiresInDays"] },
  { name: "POST token: expiry fractional", method: "post", path: () => "/api/v1/me/tokens", body: () => ({ name: "frac", expiresInDays: 1.5 }), status: 422, fields: ["expiresInDays"] },
  { name: "POST token: expiry not a number", method: "post", path: () => "/api/v1/me/tokens", body: () => ({ name: "nan", expiresInDays: "soon" }), status: 422, fields: ["expiresInDays"] },
  { name: "POST token: unknown field", method: "post", path: () => "/api/v1/me/tokens", body: () => ({ name: "scoped", scopes: ["admin"] }), status: 422, fields: ["scopes"] },
  { name: "POST token: not JSON", method: "post", path: () => "/api/v1/me/tokens", body: () => Buffer.from("name=x"), contentType: "text/plain", status: 400 },
  { name: "POST token: malformed JSON", method: "post", path: () => "/api/v1/me/tokens", body: () => Buffer.from("{'name': 'x'}"), contentType: "application/json", status: 400 },

  // POST /api/v1/organizations/{id}/confirm (the unverified Army code; none of these may confirm it)
  { name: "POST confirm: empty object", method: "post", path: (f) => `/api/v1/organizations/${f.army.id}/confirm`, body: () => ({}), status: 422, fields: ["expectedVersion"] },
  { name: "POST confirm: expectedVersion as string", method: "post", path: (f) => `/api/v1/organizations/${f.army.id}/confirm`, body: () => ({ expectedVersion: "1" }), status: 422, fields: ["expectedVersion"] },
  { name: "POST confirm: expectedVersion negative", method: "post", path: (f) => `/api/v1/organizations/${f.army.id}/confirm`, body: () => ({ expectedVersion: -1 }), status: 422, fields: ["expectedVersion"] },
  { name: "POST confirm: expectedVersion beyond a 32-bit integer", method: "post", path: (f) => `/api/v1/organizations/${f.army.id}/confirm`, body: () => ({ expectedVersion: 2 ** 31 }), status: 422, fields: ["expectedVersion"] },
  { name: "POST confirm: unknown field", method: "post", path: (f) => `/api/v1/organizations/${f.army.id}/confirm`, body: (f) => ({ expectedVersion: f.army.version, verified: true }), status: 422, fields: ["verified"] },
  { name: "POST confirm: not JSON", method: "post", path: (f) => `/api/v1/organizations/${f.army.id}/confirm`, body: () => Buffer.from("expectedVersion=1"), contentType: "text/plain", status: 400 },
  { name: "POST confirm: malformed JSON", method: "post", path: (f) => `/api/v1/organizations/${f.army.id}/confirm`, body: () => Buffer.from("{"), contentType: "application/json", status: 400 },

  // Query strings
  { name: "GET users: pageSize=1000", method: "get", path: () => "/api/v1/users?pageSize=1000", status: 422, fields: ["pageSize"] },
  { name: "GET users: page=0", method: "get", path: () => "/api/v1/users?page=0", status: 422, fields: ["page"] },
  { name: "GET users: page=abc", method: "get", path: () => "/api/v1/users?page=abc", status: 422, fields: ["page"] },
  { name: "GET users: unknown role", method: "get", path: () => "/api/v1/users?role=KING", status: 422, fields: ["role"] },
  { name: "GET users: unknown status", method: "get", path: () => "/api/v1/users?status=sleeping", status: 422, fields: ["status"] },
  { name: "GET users: search text too long", method: "get", path: () => `/api/v1/users?q=${long(5_000)}`, status: 422, fields: ["q"] },
  { name: "GET users: NUL in search text", method: "get", path: () => "/api/v1/users?q=a%00b", status: 422, fields: ["q"] },
  { name: "GET audit-events: from=2026-02-30", method: "get", path: () => "/api/v1/audit-events?from=2026-02-30", status: 422, fields: ["from"] },
  { name: "GET audit-events: to=yesterday", method: "get", path: () => "/api/v1/audit-events?to=yesterday", status: 422, fields: ["to"] },
  { name: "GET audit-events: from after to", method: "get", path: () => "/api/v1/audit-events?from=2026-03-02&to=2026-03-01", status: 422, fields: ["from"] },
  { name: "GET audit-events: unknown outcome", method: "get", path: () => "/api/v1/audit-events?outcome=MAYBE", status: 422, fields: ["outcome"] },
  { name: "GET audit-events: NUL in actor", method: "get", path: () => "/api/v1/audit-events?actor=a%00b", status: 422, fields: ["actor"] },
  { name: "GET audit-events: NUL in action", method: "get", path: () => "/api/v1/audit-events?action=auth%00", status: 422, fields: ["action"] },
  { name: "GET organizations: unknown kind", method: "get", path: () => "/api/v1/organizations?kind=PLANET", status: 422, fields: ["kind"] },
  { name: "GET organizations: verified=maybe", method: "get", path: () => "/api/v1/organizations?verified=maybe", status: 422, fields: ["verified"] },
];

test.describe("API input validation", () => {
  let admin: { context: BrowserContext; page: Page; api: APIRequestContext };
  let fixture: Fixture;
  let usersBefore: number;

  test.beforeAll(async ({ browser }) => {
    admin = await signedInContext(browser, ADMIN);
    const dsca = await organizationByCode(admin.api, "DSCA", "DSCA");
    const army = await organizationByCode(admin.api, "IMPLEMENTING_AGENCY", "B");
    expect(army.verified).toBe(false);
    const target = await createUserViaApi(admin.api, {
      email: uniqueEmail("patch-target"),
      name: "Patch Target",
      role: "DSCA_ANALYST",
      organizationId: dsca.id,
      password: "Patch-target-password-1",
    });
    fixture = { dsca, army, target };
    usersBefore = (await json<{ total: number }>(await admin.api.get("/api/v1/users?pageSize=1"))).total;
  });

  test.afterAll(async () => {
    await closeAll(admin?.context);
  });

  for (const c of API_CASES) {
    test(c.name, async () => {
      const body = c.body?.(fixture);
      const options =
        body === undefined
          ? {}
          : Buffer.isBuffer(body)
            ? { data: body, headers: { "content-type": c.contentType ?? "application/json" } }
            : { data: body as Record<string, unknown> };
      const response = await admin.api[c.method](c.path(fixture), options);
      expect(response.status(), await response.text()).toBe(c.status);
      const error = (await json<ApiError>(response)).error;
      expect(error.code).toBe(c.status === 400 ? "BAD_REQUEST" : "VALIDATION_FAILED");
      expect(error.message.length).toBeGreaterThan(0);
      if (c.status === 422) {
        expect(error.fields, "error.fields").toBeTruthy();
        for (const field of c.fields ?? []) expect(Object.keys(error.fields!), JSON.stringify(error.fields)).toContain(field);
      }
    });
  }

  test("nothing above was saved", async () => {
    const users = await json<{ total: number }>(await admin.api.get("/api/v1/users?pageSize=1"));
    expect(users.total).toBe(usersBefore);
    const target = await json<UserView>(await admin.api.get(`/api/v1/users/${fixture.target.id}`));
    expect(target).toMatchObject({ role: "DSCA_ANALYST", active: true, version: fixture.target.version, email: fixture.target.email });
    const army = await json<Organization>(await admin.api.get(`/api/v1/organizations/${fixture.army.id}`));
    expect(army).toMatchObject({ verified: false, version: fixture.army.version });
    const tokens = await json<{ items: { name: string }[] }>(await admin.api.get("/api/v1/me/tokens"));
    expect(tokens.items.map((t) => t.name)).toEqual([]);
  });

  test("a stale expectedVersion is a 409 that says the current version", async () => {
    const target = await createUserViaApi(admin.api, {
      email: uniqueEmail("stale"),
      name: "Stale Version",
      role: "DSCA_ANALYST",
      organizationId: fixture.dsca.id,
      password: "Stale-version-password-1",
    });
    const first = await admin.api.patch(`/api/v1/users/${target.id}`, { data: { expectedVersion: target.version, role: "AUDITOR" } });
    expect(first.status()).toBe(200);
    expect((await json<UserView>(first)).version).toBe(target.version + 1);
    // A second writer still holding the old version is refused and told the current one.
    const stale = await admin.api.patch(`/api/v1/users/${target.id}`, { data: { expectedVersion: target.version, active: false } });
    expect(stale.status()).toBe(409);
    const error = (await json<ApiError>(stale)).error;
    expect(error.code).toBe("VERSION_CONFLICT");
    expect(error.currentVersion).toBe(target.version + 1);
    const now = await json<UserView>(await admin.api.get(`/api/v1/users/${target.id}`));
    expect(now).toMatchObject({ role: "AUDITOR", active: true });

    const confirm = await admin.api.post(`/api/v1/organizations/${fixture.army.id}/confirm`, { data: { expectedVersion: fixture.army.version + 5 } });
    expect(confirm.status()).toBe(409);
    expect((await json<ApiError>(confirm)).error.currentVersion).toBe(fixture.army.version);
  });

  test("unknown endpoints and records are 404 JSON", async () => {
    for (const [method, path] of [
      ["get", "/api/v1/nope"],
      ["post", "/api/v1/nope"],
      ["get", "/api/v1/users/not-a-uuid"],
      ["get", "/api/v1/users/00000000-0000-4000-8000-000000000000"],
      ["get", "/api/v1/organizations/00000000-0000-4000-8000-000000000000"],
      ["post", "/api/v1/organizations/not-a-uuid/confirm"],
    ] as const) {
      const response = await admin.api[method](path, method === "post" ? { data: { expectedVersion: 1 } } : {});
      expect(response.status(), `${method} ${path}`).toBe(404);
      expect((await json<ApiError>(response)).error.code).toBe("NOT_FOUND");
    }
  });
});

test.describe("pages with bad query strings", () => {
  test("out-of-range filters show a message, not an error page", async ({ page }) => {
    await signIn(page, ADMIN);
    let response = await page.goto("/admin/users?pageSize=1000");
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("search-error")).toContainText("pageSize must be at most 100");
    response = await page.goto("/audit?from=2026-02-30");
    expect(response?.status()).toBe(200);
    await expect(page.getByTestId("audit-filter-error")).toContainText("from must be a real calendar date");
  });

  for (const path of ["/admin/users?q=a%00b", "/audit?actor=a%00b"]) {
    test(`a NUL character in ${path.split("?")[0]} search does not break the page`, async ({ page }) => {
      await signIn(page, ADMIN);
      const response = await page.goto(path);
      expect(response?.status()).toBeLessThan(500);
      await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Something went wrong");
    });
  }
});
