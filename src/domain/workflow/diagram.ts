// The workflow diagram, drawn from the definition itself (Graphviz DOT), so the picture cannot drift from the rules.
import { CASE_EVENTS, CASE_EVENT_NAMES, type CaseEventDefinition } from "./case-workflow";
import { CASE_STATUSES, CASE_STATUS_LABELS, CN_STATUSES, CN_STATUS_LABELS, type CaseStatus, type CnStatus } from "./states";

/** Events that leave many states (suspend, cancel, resume) are listed in a note instead of drawn as a fan of arrows. */
const FAN_OUT_LIMIT = 4;

export interface DiagramEdge {
  from: string;
  to: string;
  label: string;
}

const isControlEvent = (d: CaseEventDefinition) => d.to !== "same" && d.from.length * d.to.length > FAN_OUT_LIMIT;

/** The case's state-to-state arrows, one per event and pair of states. */
export function caseDiagramEdges(): DiagramEdge[] {
  const edges: DiagramEdge[] = [];
  for (const name of CASE_EVENT_NAMES) {
    const d: CaseEventDefinition = CASE_EVENTS[name];
    if (d.to === "same" || isControlEvent(d)) continue;
    for (const from of d.from) for (const to of d.to) edges.push({ from, to, label: d.label });
  }
  return edges;
}

/** The notification track's arrows. */
export function notificationDiagramEdges(): DiagramEdge[] {
  const edges: DiagramEdge[] = [];
  for (const name of CASE_EVENT_NAMES) {
    const d: CaseEventDefinition = CASE_EVENTS[name];
    if (!d.cnFrom || !d.cnTo) continue;
    for (const from of d.cnFrom) for (const to of d.cnTo) if (from !== to) edges.push({ from, to, label: d.label });
  }
  return edges;
}

/** The events drawn as a note, with the states they apply to. */
export function controlEvents(): { label: string; from: readonly CaseStatus[]; to: readonly CaseStatus[] }[] {
  return CASE_EVENT_NAMES.map((name) => CASE_EVENTS[name] as CaseEventDefinition)
    .filter(isControlEvent)
    .map((d) => ({ label: d.label, from: d.from, to: d.to === "same" ? d.from : d.to }));
}

const escape = (text: string) => text.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
const quote = (text: string) => `"${escape(text)}"`;

// Arial, not Public Sans: Graphviz sizes boxes with its own font metrics, which it has for Arial (and browsers render
// Arial or a metric-compatible face), so labels fit their boxes.
// USWDS colours: the current state in primary blue, the rest in base-lightest with ink text.
const CURRENT = 'style="filled,bold" fillcolor="#005ea2" fontcolor="#ffffff" color="#1a4480"';
const OTHER = 'style="filled" fillcolor="#f0f0f0" fontcolor="#1b1b1b" color="#71767a"';

/** Graphviz source for the workflow, with the case's current state and notification state highlighted. */
export function workflowDot(current?: { status: CaseStatus; cnStatus: CnStatus | null }): string {
  const lines = [
    "digraph workflow {",
    '  graph [rankdir=TB, fontname="Arial", fontsize=11, nodesep=0.3, ranksep=0.35, bgcolor="transparent"];',
    '  node [shape=box, style=filled, fontname="Arial", fontsize=11, margin="0.12,0.05"];',
    '  edge [fontname="Arial", fontsize=9, color="#565c65", fontcolor="#3d4551"];',
  ];
  // Every state an arrow touches, and those only the controls reach (SUSPENDED, CANCELLED), so each is always shown.
  const drawn = new Set<string>([
    ...caseDiagramEdges().flatMap((e) => [e.from, e.to]),
    ...controlEvents().flatMap((c) => c.to),
  ]);
  for (const status of CASE_STATUSES) {
    if (!drawn.has(status)) continue;
    lines.push(`  ${status} [label=${quote(CASE_STATUS_LABELS[status])} ${status === current?.status ? CURRENT : OTHER}];`);
  }
  for (const edge of caseDiagramEdges()) lines.push(`  ${edge.from} -> ${edge.to} [label=${quote(edge.label)}];`);
  const states = (list: readonly CaseStatus[]) => (list.length === 1 ? CASE_STATUS_LABELS[list[0]!] : `${list.length} states`);
  const notes = controlEvents().map((c) => `${c.label}: ${states(c.from)} → ${states(c.to)}`);
  // A backslash-n breaks the line in Graphviz: escape each line's text, not the breaks between them.
  lines.push(`  controls [shape=note, label="${notes.map(escape).join("\\n")}" ${OTHER}];`);
  lines.push("  subgraph cluster_notification {");
  lines.push(`    label=${quote("Congressional notification track")}; color="#a9aeb1"; fontsize=11;`);
  for (const status of CN_STATUSES) {
    lines.push(`    cn_${status} [label=${quote(CN_STATUS_LABELS[status])} ${status === current?.cnStatus ? CURRENT : OTHER}];`);
  }
  for (const edge of notificationDiagramEdges()) lines.push(`    cn_${edge.from} -> cn_${edge.to} [label=${quote(edge.label)}];`);
  lines.push("  }");
  lines.push("}");
  return lines.join("\n");
}
