import { expect, test } from "@playwright/test";
import { bareApi, closeAll, json } from "./helpers";

type Schema = { type?: string; properties?: Record<string, Schema>; required?: string[]; $ref?: string; enum?: string[] };
type Operation = { requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, unknown> };
type OpenApi = { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, Operation>> };

test("GET /api/v1/openapi.json describes the API (OpenAPI 3.1), without signing in", async () => {
  const api = await bareApi();
  const response = await api.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = await json<OpenApi>(response);
  await closeAll(api);

  expect(doc.openapi).toBe("3.1.0");
  expect(doc.info.title).toBeTruthy();
  expect(doc.info.version).toBeTruthy();
  for (const path of ["/health", "/me", "/me/tokens", "/me/tokens/{id}", "/users", "/users/{id}", "/organizations", "/organizations/{id}", "/organizations/{id}/confirm", "/audit-events"]) {
    expect(Object.keys(doc.paths), path).toContain(path);
  }

  const body = (path: string, method: string) => doc.paths[path]?.[method]?.requestBody?.content["application/json"]?.schema;
  const createUser = body("/users", "post");
  expect(Object.keys(createUser?.properties ?? {}).sort()).toEqual(["email", "name", "organizationId", "password", "role"]);
  expect(createUser?.required?.sort()).toEqual(["email", "name", "organizationId", "password", "role"]);
  expect(createUser?.properties?.role?.enum).toContain("PARTNER_OFFICER");

  const updateUser = body("/users/{id}", "patch");
  expect(Object.keys(updateUser?.properties ?? {})).toEqual(expect.arrayContaining(["expectedVersion", "role", "organizationId", "active"]));
  expect(updateUser?.required).toEqual(["expectedVersion"]);

  expect(Object.keys(body("/me/tokens", "post")?.properties ?? {}).sort()).toEqual(["expiresInDays", "name"]);
  expect(Object.keys(body("/organizations/{id}/confirm", "post")?.properties ?? {})).toEqual(["expectedVersion"]);

  // Every operation documents its success and error responses.
  expect(Object.keys(doc.paths["/users"]!.post!.responses)).toEqual(expect.arrayContaining(["201", "401", "403", "422"]));
  expect(Object.keys(doc.paths["/users/{id}"]!.patch!.responses)).toEqual(expect.arrayContaining(["200", "409", "422"]));
  expect(Object.keys(doc.paths["/audit-events"]!.get!.responses)).toEqual(expect.arrayContaining(["200", "401", "403"]));
});

test("GET /api/v1/health answers without signing in", async () => {
  const api = await bareApi();
  const response = await api.get("/api/v1/health");
  expect(response.status()).toBe(200);
  expect(await json(response)).toMatchObject({ status: "ok", database: "up" });
  await closeAll(api);
});
