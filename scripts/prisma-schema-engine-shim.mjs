#!/usr/bin/env node
// Stand-in for Prisma's native schema-engine binary, for machines that cannot download it.
// It speaks the engine's stdio JSON-RPC, backed by Prisma's own @prisma/schema-engine-wasm and @prisma/adapter-pg.
// Use: PRISMA_SCHEMA_ENGINE_BINARY=<path to this file> prisma migrate dev|deploy|status|diff|reset, prisma generate.
// Needs (as real dependencies): pg, @prisma/adapter-pg, @prisma/driver-adapter-utils, @prisma/schema-engine-wasm.
// It leans on Prisma internals (the CLI<->engine protocol, wasm-bindgen exports, adapter-pg's class layout):
// pin those versions and re-run the migration tests on every Prisma upgrade.
import fs from "node:fs"; import path from "node:path"; import readline from "node:readline"; import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const pg = require("pg"); const { PrismaPg } = require("@prisma/adapter-pg");
const { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } = require("@prisma/driver-adapter-utils");
// adapter-pg throws on catalog types in the engine's introspection ("char" oid 18, regclass...): read as text,
// and report "char" columns as ColumnType.Character (the describer calls as_char()).
const AS_TEXT = new Set([18, 22, 24, 28, 30, 194, 1033, 2202, 2203, 2204, 2205, 2206, 3734, 3769, 4089, 4096]);
const charCols = new WeakMap(); const addFields = pg.Result.prototype.addFields;
pg.Result.prototype.addFields = function (fields) {
  const chars = fields.flatMap((f, i) => (f.dataTypeID === 18 ? [i] : []));
  for (const f of fields) if (AS_TEXT.has(f.dataTypeID)) f.dataTypeID = 25;
  if (chars.length) charCols.set(this.rows, chars);
  return addFields.call(this, fields);
};
const argv = process.argv.slice(2);
const wasmDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
if (argv.includes("--version")) {
  const { version } = JSON.parse(fs.readFileSync(path.join(wasmDir, "package.json"), "utf8"));
  console.log(`schema-engine-cli ${version.split(".").pop()} (wasm shim)`); process.exit(0);
}
const models = []; let ds, cliCmd;
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === "--datamodels") models.push(argv[++i]); else if (argv[i] === "--datasource") ds = JSON.parse(argv[++i]);
  else if (argv[i] === "cli") cliCmd = argv[++i]; else if (argv[i].startsWith("--")) i++;
}
const cfg = (url, database) => { const u = new URL(url);
  return { host: u.searchParams.get("host") ?? u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username) || undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined, database: database ?? (decodeURIComponent(u.pathname.slice(1)) || "postgres") }; };
const opts = (url) => ({ schema: new URL(url).searchParams.get("schema") ?? undefined });
const q = (id) => `"${id.replace(/"/g, '""')}"`;
async function createDb() { const c = new pg.Client(cfg(ds.url, "postgres"));
  await c.connect(); await c.query(`CREATE DATABASE ${q(cfg(ds.url).database)}`); await c.end(); }
if (cliCmd) { // one-shot `cli can-connect-to-database|create-database`
  try { if (cliCmd === "create-database") await createDb(); else { const c = new pg.Client(cfg(ds.url)); await c.connect(); await c.end(); }
    process.exit(0);
  } catch (e) { // the CLI drops the first stderr line, then looks for an ERROR record with error_code
    const rec = (level, fields) => JSON.stringify({ level, target: "schema_engine::logger", fields });
    process.stderr.write(rec("INFO", { message: "shim" }) + "\n" + rec("ERROR", { error_code: e.code === "3D000" ? "P1003" : "P1001", message: e.message }) + "\n");
    process.exit(1); }
}
let panic = null; globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (m) => { panic = m; } };
const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
const inst = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(path.join(wasmDir, "schema_engine_bg.wasm"))), { "./schema_engine_bg.js": bg });
bg.__wbg_set_wasm(inst.exports); inst.exports.__wbindgen_start();
const factory = new PrismaPg(cfg(ds.url), opts(ds.url));
{ const probe = await factory.connect(); const proto = Object.getPrototypeOf(Object.getPrototypeOf(probe)); // PgQueryable.prototype
  const queryRaw = proto.queryRaw;
  proto.queryRaw = async function (query) { const res = await queryRaw.call(this, query);
    for (const i of charCols.get(res.rows) ?? []) res.columnTypes[i] = ColumnTypeEnum.Character; return res; };
  // Caseway patch: adapter-pg's executeScript splits on every ";", which breaks dollar-quoted function bodies
  // (our append-only audit trigger). PostgreSQL's simple-query protocol runs a multi-statement script as it is.
  Object.getPrototypeOf(probe).executeScript = async function (script) {
    try { await this.client.query(script); } catch (error) { this.onError(error); } };
  await probe.dispose(); }
const onDispose = (a, fn) => { const d = a.dispose.bind(a); a.dispose = async () => { await d(); await fn(); }; return a; };
factory.connectToShadowDb = async () => {
  if (ds.shadowDatabaseUrl) { if (ds.shadowDatabaseUrl === ds.url) throw new Error("shadowDatabaseUrl must differ from url");
    const a = await new PrismaPg(cfg(ds.shadowDatabaseUrl), opts(ds.shadowDatabaseUrl)).connect();
    const s = q(opts(ds.shadowDatabaseUrl).schema ?? "public");
    await a.executeScript(`DROP SCHEMA IF EXISTS ${s} CASCADE; CREATE SCHEMA ${s};`); return a; }
  const admin = new pg.Client(cfg(ds.url)); await admin.connect();   // adapter-pg's own version drops before closing its pool
  const name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`; await admin.query(`CREATE DATABASE ${q(name)}`);
  const a = await new PrismaPg(cfg(ds.url, name)).connect();
  const cur = await a.queryRaw({ sql: "select current_database()::text", args: [], argTypes: [] });
  if (cur.rows[0][0] !== name) { // a server that ignores the database name would hand back the MAIN db: never touch it
    await a.dispose(); await admin.query(`DROP DATABASE IF EXISTS ${q(name)}`).catch(() => {}); await admin.end();
    throw new Error("this server ignores database names; set shadowDatabaseUrl to a separate database"); }
  return onDispose(a, async () => { await admin.query(`DROP DATABASE IF EXISTS ${q(name)} WITH (FORCE)`); await admin.end(); });
};
const datamodels = models.length ? models.map((p) => [p, fs.readFileSync(path.resolve(p), "utf8")])
  : [["schema.prisma", 'datasource db {\n  provider = "postgresql"\n}\n']];   // `migrate diff` passes no --datamodels
const newEngine = () => bg.SchemaEngine.new({ datamodels }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
let engine = await newEngine(), devFlow = false, stale = false;
const send = (o) => process.stdout.write(JSON.stringify(o) + "\n"); let chain = Promise.resolve(), current = null;
process.on("uncaughtException", (e) => { const message = panic ?? String(e?.stack ?? e); // wasm panic
  if (current) send({ jsonrpc: "2.0", id: current.id, error: { code: 4466, message, data: { is_panic: true, message, error: { message } } } });
  setTimeout(() => process.exit(101), 50); });
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on("line", (line) => { const req = line.trim() && JSON.parse(line); if (!req?.method) return;
  chain = chain.then(async () => { current = req;
    try { let result;
      if (req.method === "createDatabase") { await createDb(); result = { databaseName: cfg(ds.url).database }; }
      else {
        if (req.method === "devDiagnostic") devFlow = true;
        if (stale && req.params?.migrationsList) { // see `stale` below
          engine = await newEngine(); await engine.devDiagnostic({ migrationsList: req.params.migrationsList, filters: req.params.filters }); stale = false; }
        const fn = engine[req.method === "getDatabaseVersion" ? "version" : req.method];
        if (typeof fn !== "function") throw new Error(`schema-engine shim: unsupported method ${req.method}`);
        result = await fn.call(engine, req.params ?? {});
        // in `migrate dev`, once applyMigrations has applied something the wasm engine has no shadow DB left for the next
        // evaluateDataLoss ("PostgreSQL shadow DB must be provided through an external factory"): use a fresh, re-primed instance
        if (req.method === "applyMigrations" && devFlow && result?.appliedMigrationNames?.length) stale = true;
        if (req.method === "diff" && result?.stdout) { // the native engine prints through a `print` request
          send({ jsonrpc: "2.0", id: `print-${req.id}`, method: "print", params: { content: result.stdout } }); result = { ...result, stdout: null }; } }
      send({ jsonrpc: "2.0", id: req.id, result: result ?? null });
    } catch (e) { send({ jsonrpc: "2.0", id: req.id, error: { code: 4466, message: "An error happened. Check the data field for details.",
        data: { is_panic: false, message: String(e?.message ?? e), error_code: e?.error_code ?? e?.code, meta: e?.meta } } }); } }); });
rl.on("close", async () => { await chain; process.exit(0); });
