// The browser receives only the message namespaces its area sends (src/i18n/message-scopes.ts). This follows each
// area's files and every component they import, and fails when one of them asks (useTranslations) for a namespace
// the area does not send — it would show its keys instead of words.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AREA_FAMILIES, areaNamespaces, everywhereNamespaces, type Area } from "@/i18n/message-scopes";

const root = path.resolve(__dirname, "../..");
const src = path.join(root, "src");

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(src, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Namespaces asked for with useTranslations by `files` and everything they import from src (but not other routes' pages). */
function namespacesReachedFrom(files: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [...files];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/useTranslations\(\s*"([^".]+)[^"]*"\s*\)/g)) if (!found.has(m[1]!)) found.set(m[1]!, path.relative(root, file));
    if (/\buseLabels\(\)/.test(text) && !file.endsWith(path.join("i18n", "use-labels.ts"))) found.set("Labels", path.relative(root, file));
    for (const m of text.matchAll(/from\s+"([^"]+)"/g)) {
      const target = resolveImport(file, m[1]!);
      if (target && !target.includes(`${path.sep}api${path.sep}`)) queue.push(target);
    }
  }
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const AREA_DIRS: Record<Area, string> = {
  home: "app/(app)/(home)",
  tasks: "app/(app)/tasks",
  lors: "app/(app)/lors",
  cases: "app/(app)/cases",
  case: "app/(app)/cases/[id]",
  search: "app/(app)/search",
  notifications: "app/(app)/notifications",
  audit: "app/(app)/audit",
  admin: "app/(app)/admin",
  dashboard: "app/(app)/dashboard",
  pricing: "app/(app)/pricing",
  profile: "app/(app)/profile",
  webhooks: "app/(app)/webhooks",
  organizations: "app/(app)/organizations",
  signin: "app/(auth)/signin",
};

/** The frame of every page (the layouts above the areas, the error pages) and the public pages. */
const FRAME_FILES = [
  "app/layout.tsx",
  "app/error.tsx",
  "app/not-found.tsx",
  "app/forbidden.tsx",
  "app/(app)/layout.tsx",
  ...filesUnder(path.join(src, "app/(public)")).map((f) => path.relative(src, f)),
];

/** Every directory under src/app/(app) is an area, so no page is left with only the frame's messages. */
const APP_DIRS = readdirSync(path.join(src, "app/(app)"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `app/(app)/${e.name}`);

describe("messages sent to the browser", () => {
  it("every page's frame and the pages without an area of their own receive every namespace their components ask for", () => {
    const sent = new Set(everywhereNamespaces());
    const missing = [...namespacesReachedFrom(FRAME_FILES.map((f) => path.join(src, f)))].filter(([ns]) => !sent.has(ns));
    expect(missing).toEqual([]);
  });

  it("every directory of the signed-in app is an area with its own layout", () => {
    expect(APP_DIRS.filter((dir) => !Object.values(AREA_DIRS).includes(dir))).toEqual([]);
    for (const dir of Object.values(AREA_DIRS)) expect(existsSync(path.join(src, dir, "layout.tsx")), dir).toBe(true);
  });

  it.each(Object.keys(AREA_FAMILIES) as Area[])("the %s area receives every namespace its components ask for", (area) => {
    const sent = new Set(areaNamespaces(area));
    // An area nested in another (a case's pages in the case list's) has its own layout and is checked on its own.
    const nested = Object.values(AREA_DIRS).filter((dir) => dir !== AREA_DIRS[area] && dir.startsWith(`${AREA_DIRS[area]}/`));
    const files = filesUnder(path.join(src, AREA_DIRS[area])).filter((f) => !nested.some((dir) => f.startsWith(path.join(src, dir) + path.sep)));
    const missing = [...namespacesReachedFrom(files)].filter(([ns]) => !sent.has(ns));
    expect(missing).toEqual([]);
  });
});
