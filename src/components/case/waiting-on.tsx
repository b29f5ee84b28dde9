import { Fragment } from "react";
import type { CaseView } from "@/domain/schemas/cases";
import { formatDate } from "@/lib/format";

/** What the case waits for, each part after the other, with the date that ends a wait as a machine-readable <time>. */
export function WaitingOn({ parts }: { parts: CaseView["waitingOnParts"] }) {
  return parts.map((part, i) => (
    <Fragment key={`${i}-${part.text}`}>
      {i > 0 && "; "}
      {part.text}
      {part.until && (
        <>
          {" "}
          <time dateTime={part.until}>{formatDate(part.until)}</time>
        </>
      )}
    </Fragment>
  ));
}
