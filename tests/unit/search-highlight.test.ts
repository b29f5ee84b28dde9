import { describe, expect, it } from "vitest";
import { splitHighlight } from "@/components/search/highlight";
import { SEARCH_MARK_END as E, SEARCH_MARK_START as S } from "@/domain/schemas/search";

describe("splitHighlight", () => {
  it.each([
    ["plain text stays one unmarked part", "Sonar buoys", [{ text: "Sonar buoys", marked: false }]],
    [
      "a marked word between text",
      `Counterfire ${S}radar${E} with training`,
      [
        { text: "Counterfire ", marked: false },
        { text: "radar", marked: true },
        { text: " with training", marked: false },
      ],
    ],
    [
      "adjacent marked words merge into one mark",
      `${S}night${E}${S}vision${E} goggles`,
      [
        { text: "nightvision", marked: true },
        { text: " goggles", marked: false },
      ],
    ],
    ["a snippet that starts and ends marked", `${S}BN-P-AAB${E}`, [{ text: "BN-P-AAB", marked: true }]],
    ["an unclosed start marker marks nothing", `radar ${S}system`, [{ text: "radar system", marked: false }]],
    ["a stray end marker is dropped", `radar${E} system`, [{ text: "radar system", marked: false }]],
    ["an empty snippet has no parts", "", []],
  ])("%s", (_name, snippet, parts) => {
    expect(splitHighlight(snippet)).toEqual(parts);
  });

  it("leaves markup in the record's text as text, for React to escape", () => {
    expect(splitHighlight(`<img src=x onerror=alert(1)> ${S}radar${E}`)).toEqual([
      { text: "<img src=x onerror=alert(1)> ", marked: false },
      { text: "radar", marked: true },
    ]);
  });
});
