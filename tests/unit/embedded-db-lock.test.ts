import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { recoverStaleLock } from "../../scripts/lib/embedded-db";

const dirs: string[] = [];
function dataDirWithPid(pid: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caseway-lock-"));
  dirs.push(dir);
  fs.writeFileSync(path.join(dir, "postmaster.pid"), `${pid}\n${dir}\n1700000000\n54329\n`);
  return dir;
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("recovering the embedded PostgreSQL after a crash", () => {
  it("removes a lock file whose process is gone", () => {
    const child = spawn(process.execPath, ["-e", ""]);
    const deadPid = child.pid!;
    return new Promise<void>((resolve) => {
      child.on("exit", () => {
        const dir = dataDirWithPid(deadPid);
        recoverStaleLock(dir);
        expect(fs.existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
        resolve();
      });
    });
  });

  it("treats a pid reused by a process that is not PostgreSQL as stale", () => {
    // Our own pid is alive but is not a postgres process, so a reused pid does not block recovery.
    const dir = dataDirWithPid(process.pid);
    recoverStaleLock(dir);
    expect(fs.existsSync(path.join(dir, "postmaster.pid"))).toBe(false);
  });

  it("does nothing when there is no lock file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "caseway-lock-"));
    dirs.push(dir);
    expect(() => recoverStaleLock(dir)).not.toThrow();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
