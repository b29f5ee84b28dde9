// Which message namespaces components may need in the browser: those named in useTranslations(...) (client components
// and shared ones that may render on either side) and Labels when useLabels() is used. The layout sends only these to
// the browser; the rest stay on the server. scripts/i18n/client-namespaces.ts writes the list, a unit test checks it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" || entry.name === "api" ? [] : files(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

export function scanClientNamespaces(srcDir: string): string[] {
  const found = new Set<string>();
  for (const file of files(srcDir)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/useTranslations\(\s*"([^".]+)[^"]*"\s*\)/g)) found.add(m[1]!);
    if (/\buseLabels\(\)/.test(text) && !file.endsWith(path.join("i18n", "use-labels.ts"))) found.add("Labels");
  }
  return [...found].sort();
}
