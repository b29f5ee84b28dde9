import { splitHighlight } from "./highlight";

/** A search snippet as text with its matched words in <mark>: split on the markers, never parsed as HTML. */
export function Highlighted({ snippet }: { snippet: string }) {
  return (
    <>
      {splitHighlight(snippet).map((part, i) =>
        part.marked ? (
          <mark key={i} className="bg-warning px-0.5 font-bold text-ink">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
