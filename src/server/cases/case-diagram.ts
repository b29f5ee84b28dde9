import "server-only";
import { Graphviz } from "@hpcc-js/wasm-graphviz";
import { workflowDot } from "@/domain/workflow/diagram";
import type { CaseStatus, CnStatus } from "@/domain/workflow/states";

let graphviz: Promise<Graphviz> | undefined;

/** The workflow diagram as SVG, drawn by Graphviz (WebAssembly) from the definition, with the case's states highlighted. */
export async function workflowDiagramSvg(current?: { status: CaseStatus; cnStatus: CnStatus | null }): Promise<string> {
  graphviz ??= Graphviz.load();
  const svg = (await graphviz).dot(workflowDot(current));
  // Drop the XML prologue and fixed size so the picture scales to its container.
  return svg
    .slice(svg.indexOf("<svg"))
    .replace(/ width="[\d.]+pt" height="[\d.]+pt"/, "")
    .replace("<svg", '<svg role="img" aria-labelledby="workflow-diagram-title" class="h-auto w-full"');
}
