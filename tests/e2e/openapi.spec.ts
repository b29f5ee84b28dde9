import { expect, test } from "./fixtures";
import { bareApi, closeAll, json } from "./helpers";

type Schema = { type?: string; properties?: Record<string, Schema>; required?: string[]; $ref?: string; $defs?: Record<string, Schema>; enum?: string[] };
type Operation = { requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, unknown> };
type OpenApi = { openapi: string; info: { title: string; version: string }; paths: Record<string, Record<string, Operation>> };

async function fetchDocument(): Promise<OpenApi> {
  const api = await bareApi();
  const response = await api.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = await json<OpenApi>(response);
  await closeAll(api);
  return doc;
}

/** Follows a "#/..." JSON pointer from `root`. */
function pointer(root: unknown, ref: string): unknown {
  let node: unknown = root;
  for (const part of ref.replace(/^#\//, "").split("/")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return node;
}

/** A request body's schema; a `$ref` is looked up in the schema's own `$defs` (lenient) */
function bodySchema(doc: OpenApi, path: string, method: string): Schema | undefined {
  const schema = doc.paths[path]?.[method]?.requestBody?.content["application/json"]?.schema;
  if (schema?.$ref) return (pointer(schema, schema.$ref) as Schema | undefined) ?? (pointer(doc, schema.$ref) as Schema | undefined);
  return schema;
}

test("GET /api/v1/openapi.json describes the API (OpenAPI 3.1), without signing in", async () => {
  const doc = await fetchDocument();
  expect(doc.openapi).toBe("3.1.0");
  expect(doc.info.title).toBeTruthy();
  expect(doc.info.version).toBeTruthy();
  for (const path of ["/health", "/me", "/me/tokens", "/me/tokens/{id}", "/users", "/users/{id}", "/organizations", "/organizations/{id}", "/organizations/{id}/confirm", "/audit-events"]) {
    expect(Object.keys(doc.paths), path).toContain(path);
  }

  const createUser = bodySchema(doc, "/users", "post");
  expect(Object.keys(createUser?.properties ?? {}).sort()).toEqual(["email", "name", "organizationId", "password", "role"]);
  expect([...(createUser?.required ?? [])].sort()).toEqual(["email", "name", "organizationId", "password", "role"]);
  expect(createUser?.properties?.role?.enum).toContain("PARTNER_OFFICER");

  const updateUser = bodySchema(doc, "/users/{id}", "patch");
  expect(Object.keys(updateUser?.properties ?? {})).toEqual(expect.arrayContaining(["expectedVersion", "role", "organizationId", "active"]));
  expect(updateUser?.required).toEqual(["expectedVersion"]);

  expect(Object.keys(bodySchema(doc, "/me/tokens", "post")?.properties ?? {}).sort()).toEqual(["expiresInDays", "name"]);
  expect(Object.keys(bodySchema(doc, "/organizations/{id}/confirm", "post")?.properties ?? {})).toEqual(["expectedVersion"]);

  // Operations document their success and error responses.
  expect(Object.keys(doc.paths["/users"]!.post!.responses)).toEqual(expect.arrayContaining(["201", "401", "403", "422"]));
  expect(Object.keys(doc.paths["/users/{id}"]!.patch!.responses)).toEqual(expect.arrayContaining(["200", "409", "422"]));
  expect(Object.keys(doc.paths["/audit-events"]!.get!.responses)).toEqual(expect.arrayContaining(["200", "401", "403"]));
});

test("every $ref in the OpenAPI document resolves from the document root", async () => {
  const doc = await fetchDocument();
  const broken: string[] = [];
  const walk = (node: unknown, where: string) => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${where}/${i}`));
    else if (node && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        if (key === "$ref" && typeof value === "string" && pointer(doc, value) === undefined) broken.push(`${where}: ${value}`);
        else walk(value, `${where}/${key}`);
      }
    }
  };
  walk(doc, "#");
  expect(broken, broken.slice(0, 5).join("\n")).toEqual([]);
});

test("GET /api/v1/health answers without signing in", async () => {
  const api = await bareApi();
  const response = await api.get("/api/v1/health");
  expect(response.status()).toBe(200);
  expect(await json(response)).toMatchObject({ status: "ok", database: "up" });
  await closeAll(api);
});
