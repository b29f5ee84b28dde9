// What the figures were measured on: they are ratios against baselines from the same run, but the machine still matters.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  os: string;
  kernel: string;
  node: string;
  postgres: string;
  pgbench: string;
  next: string;
  loadAverageAtStart: number;
}

function readOr(file: string, fallback: string) {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return fallback;
  }
}

export function describeMachine(root: string, postgres: string): Machine {
  const cpuinfo = readOr("/proc/cpuinfo", "");
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? "unknown";
  const osName = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(readOr("/etc/os-release", ""))?.[1] ?? `${os.type()} ${os.release()}`;
  let pgbench = "missing";
  try {
    pgbench = execFileSync("/usr/bin/pgbench", ["--version"], { encoding: "utf8" }).trim();
  } catch {
    // reported as missing
  }
  let next = "unknown";
  try {
    next = (JSON.parse(fs.readFileSync(path.join(root, "node_modules/next/package.json"), "utf8")) as { version: string }).version;
  } catch {
    // reported as unknown
  }
  return {
    cpuModel: model.trim(),
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: osName,
    kernel: os.release(),
    node: process.version,
    postgres,
    pgbench,
    next,
    loadAverageAtStart: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}
