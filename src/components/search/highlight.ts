import { SEARCH_MARK_END, SEARCH_MARK_START } from "@/domain/schemas/search";

export interface SnippetPart {
  text: string;
  marked: boolean;
}

/**
 * A ts_headline snippet as plain-text parts, each marked or not, for rendering as text and <mark> elements (never as
 * HTML: the snippet is the record's own text). An unmatched marker is dropped rather than trusted; empty parts go.
 */
export function splitHighlight(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, marked: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  };
  let rest = snippet;
  while (rest) {
    const start = rest.indexOf(SEARCH_MARK_START);
    if (start < 0) {
      push(rest.replaceAll(SEARCH_MARK_END, ""), false);
      break;
    }
    push(rest.slice(0, start).replaceAll(SEARCH_MARK_END, ""), false);
    rest = rest.slice(start + SEARCH_MARK_START.length);
    const end = rest.indexOf(SEARCH_MARK_END);
    const inner = end < 0 ? rest : rest.slice(0, end);
    push(inner.replaceAll(SEARCH_MARK_START, ""), end >= 0);
    rest = end < 0 ? "" : rest.slice(end + SEARCH_MARK_END.length);
  }
  return parts;
}
