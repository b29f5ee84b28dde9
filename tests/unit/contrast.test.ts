import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TAG_TONES } from "@/components/ui/card";

// WCAG 2.2 contrast (1.4.3, level AA) computed from the theme tokens themselves, so a colour change that makes status
// tags hard to read fails here before anyone ships it. Small text needs 4.5:1.

const ROOT = path.resolve(__dirname, "../..");
const css = fs.readFileSync(path.join(ROOT, "src/app/globals.css"), "utf8");

/** `--color-NAME: #rrggbb` from the @theme block, plus Tailwind's white and black. */
const TOKENS: Record<string, string> = { white: "#ffffff", black: "#000000" };
for (const m of css.matchAll(/--color-([a-z0-9-]+):\s*(#[0-9a-f]{6})\s*;/gi)) TOKENS[m[1]!] = m[2]!.toLowerCase();

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The unprefixed bg-* and text-* colour tokens of a class list (hover:, focus: … variants are other states). */
function pair(classes: string): { bg: string; text: string } | null {
  const words = classes.split(/\s+/).filter((w) => !w.includes(":"));
  const bg = words.find((w) => w.startsWith("bg-") && w.slice(3) in TOKENS)?.slice(3);
  const text = words.find((w) => w.startsWith("text-") && w.slice(5) in TOKENS)?.slice(5);
  return bg && text ? { bg, text } : null;
}

describe("contrast of theme colours", () => {
  it("computes the WCAG ratio (black on white is 21:1, the old green tag 4.1:1)", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#008817", "#ecf3ec")).toBeCloseTo(4.1, 1);
  });

  it.each(Object.entries(TAG_TONES))("the %s tag's text reaches 4.5:1 on its background", (_tone, classes) => {
    const found = pair(classes);
    expect(found, `a bg-* and a text-* token in "${classes}"`).not.toBeNull();
    const ratio = contrast(TOKENS[found!.text]!, TOKENS[found!.bg]!);
    expect(ratio, `${found!.text} on ${found!.bg}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
  });

  it("every class list in src that sets both a background and a text token reaches 4.5:1", () => {
    const failures: string[] = [];
    let checked = 0;
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        return e.isDirectory() ? walk(full) : /\.tsx$/.test(e.name) ? [full] : [];
      });
    for (const file of walk(path.join(ROOT, "src"))) {
      const source = fs.readFileSync(file, "utf8");
      for (const m of source.matchAll(/["'`]([^"'`\n]*\bbg-[^"'`\n]*)["'`]/g)) {
        const found = pair(m[1]!);
        if (!found) continue;
        checked += 1;
        const ratio = contrast(TOKENS[found.text]!, TOKENS[found.bg]!);
        if (ratio < 4.5) failures.push(`${path.relative(ROOT, file)}: text-${found.text} on bg-${found.bg} is ${ratio.toFixed(2)}:1`);
      }
    }
    expect(failures).toEqual([]);
    // The scan must be finding the pairs (a broken pattern would pass vacuously).
    expect(checked).toBeGreaterThan(10);
  });
});
