import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(__dirname, "../..");
const compose = parse(fs.readFileSync(path.join(root, "docker-compose.yml"), "utf8"));

const caddyfile = fs.readFileSync(path.join(root, "deploy/Caddyfile"), "utf8");
/** The Caddyfile without its comments, so only directives are matched. */
const caddyDirectives = caddyfile
  .split("\n")
  .filter((line) => !line.trim().startsWith("#"))
  .join("\n");

describe("docker-compose.yml", () => {
  const { db, migrate, app, proxy } = compose.services;

  it("runs PostgreSQL and the app built from the Dockerfile, wired to that database with a health check", () => {
    expect(db.image).toMatch(/^postgres:/);
    expect(app.build).toBe(".");
    expect(app.environment.DATABASE_URL).toContain("@db:5432/");
    expect(app.depends_on.db.condition).toBe("service_healthy");
    expect(app.healthcheck.test.join(" ")).toContain("/api/v1/health");
  });

  it("runs two app replicas behind Caddy: TLS on 443, no host port on the app, exactly one trusted proxy hop", () => {
    expect(app.deploy.replicas).toBe(2);
    expect(app.ports).toBeUndefined();
    expect(app.expose).toEqual(["3000"]);
    expect(String(app.environment.TRUSTED_PROXY_HOPS)).toBe("1");
    // Sign-in links and callbacks name the proxy's https origin, never a replica.
    expect(app.environment.AUTH_URL).toMatch(/^\$\{AUTH_URL:-https:\/\/localhost\}$/);

    expect(proxy.image).toMatch(/^caddy:2/);
    expect(proxy.ports).toEqual(expect.arrayContaining(["80:80", "443:443"]));
    expect(proxy.volumes).toContain("./deploy/Caddyfile:/etc/caddy/Caddyfile:ro");
    expect(proxy.depends_on.app.condition).toBe("service_healthy");
    expect(proxy.environment.CASEWAY_TLS).toBe("${CASEWAY_TLS:-internal}");
  });

  it("migrates and loads data once before the replicas start, so they never race to apply the same migration", () => {
    expect(migrate.build).toBe(".");
    expect(migrate.command.join(" ")).toMatch(/migrate deploy && .*seed-cli\.ts/);
    expect(migrate.environment.DATABASE_URL).toBe(app.environment.DATABASE_URL);
    expect(app.depends_on.migrate.condition).toBe("service_completed_successfully");
    // The demo, when asked for, is loaded by `migrate` alone.
    expect(migrate.environment.SEED_DEMO).toBe("${SEED_DEMO:-false}");
    expect(app.environment.SEED_DEMO).toBe("false");
  });

  // .ci/run installs docker-compose; a workstation without it reports this test as skipped rather than passed.
  const hasDockerCompose = !spawnSync("docker-compose", ["version"], { stdio: "ignore" }).error;
  it.runIf(hasDockerCompose)("is accepted by docker-compose", () => {
    const result = spawnSync("docker-compose", ["-f", "docker-compose.yml", "config", "-q"], {
      cwd: root,
      env: { ...process.env, AUTH_SECRET: "compose-validation" },
      encoding: "utf8",
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });
});

describe("deploy/Caddyfile", () => {
  it("serves TLS (Caddy's internal CA for localhost unless told otherwise)", () => {
    expect(caddyDirectives).toMatch(/^\{\$CASEWAY_SITE:localhost\} \{$/m);
    expect(caddyDirectives).toMatch(/^\s*tls \{\$CASEWAY_TLS:internal\}$/m);
  });

  it("balances over every replica of the compose app service, on the port the app exposes, retrying refused connections", () => {
    const upstream = /^\s*dynamic a (\S+) (\d+) \{$/m.exec(caddyDirectives);
    expect(upstream, "a `dynamic a <service> <port>` upstream").not.toBeNull();
    const [, service, port] = upstream!;
    expect(compose.services[service!]?.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(compose.services[service!].expose).toContain(port);
    expect(caddyDirectives).toMatch(/^\s*lb_policy round_robin$/m);
    expect(caddyDirectives).toMatch(/^\s*lb_try_duration \d+s$/m);
    // Streams (Server-Sent Events, PDFs) are passed on as written, not buffered.
    expect(caddyDirectives).toMatch(/^\s*flush_interval -1$/m);
  });

  // `caddy adapt` parses the Caddyfile into Caddy's JSON config without starting anything or touching disk.
  const hasCaddy = !spawnSync("caddy", ["version"], { stdio: "ignore" }).error;
  it.runIf(hasCaddy)("is accepted by caddy, which proxies to the app service's A records on port 3000", () => {
    const result = spawnSync("caddy", ["adapt", "--config", "deploy/Caddyfile", "--adapter", "caddyfile"], { cwd: root, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    const found: unknown[] = [];
    JSON.parse(result.stdout, (key, value: unknown) => {
      if (key === "dynamic_upstreams") found.push(value);
      return value;
    });
    expect(found).toEqual([expect.objectContaining({ source: "a", name: "app", port: "3000" })]);
  });
});

describe("Dockerfile", () => {
  const dockerfile = fs.readFileSync(path.join(root, "Dockerfile"), "utf8");
  it("builds for production and applies migrations on start", () => {
    expect(dockerfile).toMatch(/next build/);
    expect(dockerfile).toMatch(/HEALTHCHECK/);
    const entrypoint = fs.readFileSync(path.join(root, "scripts/docker-entrypoint.sh"), "utf8");
    expect(entrypoint).toMatch(/migrate deploy/);
    expect(entrypoint).toMatch(/scripts\/next-server\.ts --port/);
    execFileSync("sh", ["-n", path.join(root, "scripts/docker-entrypoint.sh")]);
  });
});

describe(".env.example", () => {
  it("documents every variable the app reads", () => {
    const example = fs.readFileSync(path.join(root, ".env.example"), "utf8");
    const envSource = fs.readFileSync(path.join(root, "src/env.ts"), "utf8");
    const read = [...envSource.matchAll(/^\s{2}([A-Z_]+):/gm)].map((m) => m[1]).filter((n) => n !== "NODE_ENV");
    expect(read.length).toBeGreaterThan(5);
    for (const name of read) expect(example, `${name} missing from .env.example`).toContain(name!);
  });
});
