import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(__dirname, "../..");
const compose = parse(fs.readFileSync(path.join(root, "docker-compose.yml"), "utf8"));

describe("docker-compose.yml", () => {
  it("runs PostgreSQL and the app built from the Dockerfile, wired to that database with a health check", () => {
    expect(compose.services.db.image).toMatch(/^postgres:/);
    expect(compose.services.app.build).toBe(".");
    expect(compose.services.app.environment.DATABASE_URL).toContain("@db:5432/");
    expect(compose.services.app.depends_on.db.condition).toBe("service_healthy");
    expect(compose.services.app.healthcheck.test.join(" ")).toContain("/api/v1/health");
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

describe("Dockerfile", () => {
  const dockerfile = fs.readFileSync(path.join(root, "Dockerfile"), "utf8");
  it("builds for production and applies migrations on start", () => {
    expect(dockerfile).toMatch(/next build/);
    expect(dockerfile).toMatch(/HEALTHCHECK/);
    const entrypoint = fs.readFileSync(path.join(root, "scripts/docker-entrypoint.sh"), "utf8");
    expect(entrypoint).toMatch(/migrate deploy/);
    expect(entrypoint).toMatch(/next\/dist\/bin\/next start/);
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
