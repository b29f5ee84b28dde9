import { describe, expect, it } from "vitest";
import { CASE_EVENTS, CASE_EVENT_NAMES, type CaseEvent, type CaseEventDefinition } from "@/domain/workflow/case-workflow";
import { caseDiagramEdges, controlEvents, notificationDiagramEdges, workflowDot } from "@/domain/workflow/diagram";
import { CASE_STATUSES, CASE_STATUS_LABELS, CN_STATUSES, type CaseStatus, type CnStatus } from "@/domain/workflow/states";

const HIGHLIGHT = 'fillcolor="#005ea2"';

interface Node {
  id: string;
  label: string;
  attributes: string;
}

/** The node statements of the DOT text (`ID [label="…" …];`), excluding the graph/node/edge defaults. */
function nodes(dot: string): Node[] {
  return dot
    .split("\n")
    .map((line) => /^\s+(\w+) \[(?:shape=\w+, )?label=("(?:[^"\\]|\\.)*")(.*)\];$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && !["graph", "node", "edge"].includes(m[1]!))
    .map((m) => ({ id: m[1]!, label: JSON.parse(m[2]!) as string, attributes: m[3]! }));
}

/** The edge statements: [from, to, label]. */
function edges(dot: string): [string, string, string][] {
  return dot
    .split("\n")
    .map((line) => /^\s+(\w+) -> (\w+) \[label=("(?:[^"\\]|\\.)*")\];$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, m[2]!, JSON.parse(m[3]!) as string]);
}

const def = (event: CaseEvent): CaseEventDefinition => CASE_EVENTS[event];
/** Events that leave or reach many states are a note, not a fan of arrows. */
const EXPECTED_CONTROL: readonly CaseEvent[] = ["suspend", "resume", "cancel", "set-notification-requirement", "notification-period-ended"];

describe("workflowDot", () => {
  const dot = workflowDot();

  it("is a single digraph with balanced braces", () => {
    expect(dot.startsWith("digraph workflow {")).toBe(true);
    expect(dot.trimEnd().endsWith("}")).toBe(true);
    expect(dot.split("{").length).toBe(dot.split("}").length);
  });

  it("draws every state-changing event as arrows, except the fan-out controls", () => {
    expect(controlEvents().map((c) => c.label).sort()).toEqual(EXPECTED_CONTROL.map((e) => def(e).label).sort());
    const drawn = edges(dot);
    let count = 0;
    for (const event of CASE_EVENT_NAMES) {
      const d = def(event);
      if (d.to === "same" || EXPECTED_CONTROL.includes(event)) continue;
      for (const from of d.from) {
        for (const to of d.to) {
          expect(drawn, `${event}: ${from} → ${to}`).toContainEqual([from, to, d.label]);
          count += 1;
        }
      }
    }
    expect(count).toBeGreaterThanOrEqual(20);
    // The main path is there, spelled out.
    for (const [from, to] of [
      ["OPENED", "IN_DEVELOPMENT"],
      ["IN_DEVELOPMENT", "IN_REVIEW"],
      ["IN_REVIEW", "READY_TO_SIGN"],
      ["IN_REVIEW", "IN_DEVELOPMENT"],
      ["IN_REVIEW", "DISAPPROVED"],
      ["READY_TO_SIGN", "AGENCY_SIGNED"],
      ["AGENCY_SIGNED", "COUNTERSIGNED"],
      ["COUNTERSIGNED", "OFFERED"],
      ["OFFERED", "ACCEPTED"],
      ["OFFERED", "EXPIRED"],
      ["OFFERED", "IN_DEVELOPMENT"],
      ["EXPIRED", "IN_DEVELOPMENT"],
      ["ACCEPTED", "IMPLEMENTED"],
      ["IMPLEMENTED", "EXECUTING"],
      ["EXECUTING", "SUPPLY_SERVICES_COMPLETE"],
      ["SUPPLY_SERVICES_COMPLETE", "CLOSURE_PENDING"],
      ["CLOSURE_PENDING", "CLOSED"],
    ]) {
      expect(drawn.some(([f, t]) => f === from && t === to), `${from} → ${to}`).toBe(true);
    }
  });

  it("draws no arrow that the definition does not have", () => {
    for (const [from, to, label] of edges(dot)) {
      if (from.startsWith("cn_")) {
        const ok = CASE_EVENT_NAMES.some((e) => def(e).label === label && def(e).cnFrom?.includes(from.slice(3) as CnStatus) && def(e).cnTo?.includes(to.slice(3) as CnStatus));
        expect(ok, `${from} → ${to} (${label})`).toBe(true);
      } else {
        const ok = CASE_EVENT_NAMES.some((e) => {
          const d = def(e);
          return d.label === label && d.from.includes(from as CaseStatus) && d.to !== "same" && d.to.includes(to as CaseStatus);
        });
        expect(ok, `${from} → ${to} (${label})`).toBe(true);
      }
    }
    expect(edges(dot).filter(([f]) => !f.startsWith("cn_"))).toHaveLength(caseDiagramEdges().length);
  });

  it("shows every case state that any event reaches, each declared once, with its label", () => {
    const declared = nodes(dot);
    const reached = new Set<CaseStatus>();
    for (const event of CASE_EVENT_NAMES) {
      const d = def(event);
      for (const s of d.to === "same" ? d.from : d.to) reached.add(s);
    }
    expect(reached.size).toBeGreaterThan(10);
    for (const status of reached) {
      const matching = declared.filter((n) => n.id === status);
      expect(matching, status).toHaveLength(1);
      expect(matching[0]!.label).toBe(CASE_STATUS_LABELS[status]);
    }
    expect(reached).toContain("SUSPENDED");
    expect(reached).toContain("CANCELLED");
  });

  it("draws the notification track: every state and every move between them", () => {
    const declared = nodes(dot).map((n) => n.id);
    for (const status of CN_STATUSES) expect(declared, status).toContain(`cn_${status}`);
    const drawn = edges(dot);
    for (const event of CASE_EVENT_NAMES) {
      const d = def(event);
      for (const from of d.cnFrom ?? []) {
        for (const to of d.cnTo ?? []) if (from !== to) expect(drawn, `${event}: ${from} → ${to}`).toContainEqual([`cn_${from}`, `cn_${to}`, d.label]);
      }
    }
    expect(notificationDiagramEdges().length).toBeGreaterThanOrEqual(10);
    for (const [from, to] of [
      ["PREPARATION", "STATE_CLEARANCE"],
      ["STATE_CLEARANCE", "INFORMAL_REVIEW"],
      ["STATE_CLEARANCE", "FORMALLY_NOTIFIED"],
      ["INFORMAL_REVIEW", "FORMALLY_NOTIFIED"],
      ["FORMALLY_NOTIFIED", "CLEARED"],
      ["FORMALLY_NOTIFIED", "BLOCKED"],
      ["INFORMAL_REVIEW", "HELD"],
      ["HELD", "INFORMAL_REVIEW"],
    ]) {
      expect(drawn.some(([f, t]) => f === `cn_${from}` && t === `cn_${to}`), `${from} → ${to}`).toBe(true);
    }
  });

  it("lists the controls in a note, one per line, with the states they leave and reach", () => {
    const note = nodes(dot).find((n) => n.id === "controls");
    expect(note).toBeDefined();
    // The DOT string's \n is a Graphviz line break (JSON reads it the same way); an escaped \\n would print literally.
    const lines = note!.label.split("\n");
    expect(lines).toHaveLength(EXPECTED_CONTROL.length);
    expect(lines).toContain(`${def("suspend").label}: 12 states → Suspended`);
    expect(lines).toContain(`${def("cancel").label}: 14 states → Cancelled`);
    expect(lines).toContain(`${def("resume").label}: Suspended → 12 states`);
    expect(note!.label).not.toContain("\\");
  });

  it("renders with Graphviz: the note on separate lines, the suspended and cancelled states as boxes", async () => {
    const { Graphviz } = await import("@hpcc-js/wasm-graphviz");
    const svg = (await Graphviz.load()).dot(workflowDot({ status: "IN_REVIEW", cnStatus: "PREPARATION" }));
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    expect(texts).toContain(`${def("suspend").label}: 12 states → Suspended`);
    expect(texts.some((t) => t.includes("\\n"))).toBe(false);
    for (const status of ["SUSPENDED", "CANCELLED", "IN_REVIEW", "CLOSED"] as const) expect(texts).toContain(CASE_STATUS_LABELS[status]);
  });

  it("highlights nothing without a current state", () => {
    expect(nodes(dot).filter((n) => n.attributes.includes(HIGHLIGHT))).toEqual([]);
  });

  it.each(CASE_STATUSES)("highlights exactly the current state %s and the current notification state", (status) => {
    const cn: CnStatus = CN_STATUSES[CASE_STATUSES.indexOf(status) % CN_STATUSES.length]!;
    const current = workflowDot({ status, cnStatus: cn });
    const highlighted = nodes(current).filter((n) => n.attributes.includes(HIGHLIGHT));
    expect(highlighted.map((n) => n.id).sort()).toEqual([status, `cn_${cn}`].sort());
    // Each node is declared once, so no later statement overrides the highlight.
    const ids = nodes(current).map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("quotes labels so that quotes and backslashes cannot break the graph", () => {
    for (const line of dot.split("\n").filter((l) => l.includes("label="))) {
      expect(line, line).toMatch(/label=("(?:[^"\\]|\\.)*")/);
    }
  });
});
