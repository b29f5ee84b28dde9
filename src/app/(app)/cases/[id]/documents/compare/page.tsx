import type { Metadata } from "next";
import Link from "next/link";
import { ComparisonTable, KIND_TONES, signedUsd } from "@/components/loa/comparison-table";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Tag } from "@/components/ui/card";
import { Field, Select } from "@/components/ui/form";
import { Section } from "@/components/ui/section";
import { CHANGE_KIND_LABELS, CHANGE_PROPOSAL_LABELS } from "@/domain/loa/changes";
import { DOCUMENT_STATUS_LABELS } from "@/domain/loa/codes";
import { formatUsd } from "@/domain/money";
import { can } from "@/domain/policy";
import type { DocumentComparisonView } from "@/domain/schemas/loa";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { compareDocuments } from "@/server/loa/compare-documents";
import { listDocuments } from "@/server/loa/list-documents";
import { forFilteredPage, forPage } from "@/server/page-guard";

export const metadata: Metadata = { title: "Compare LOA versions" };

const COST_ROWS: { key: keyof DocumentComparisonView["costSummary"]; label: string }[] = [
  { key: "netEstimatedCost", label: "Net estimated cost (the lines)" },
  { key: "packingCratingHandling", label: "Packing, crating and handling" },
  { key: "administrativeSurcharge", label: "Administrative surcharge" },
  { key: "transportation", label: "Transportation" },
  { key: "totalEstimatedCost", label: "Total estimated cost (case value)" },
];

export default async function CompareDocumentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { id } = await params;
  const query = await searchParams;
  const chosen = { from: typeof query.from === "string" ? query.from : undefined, to: typeof query.to === "string" ? query.to : undefined };
  // The list first: it answers 404 for another country's case before the query is looked at.
  const documents = await forPage(() => listDocuments(actor, id));
  const { result: comparison, problem } = await forFilteredPage(() => compareDocuments(actor, id, chosen));
  const internals = can(actor, "viewLoaInternals");

  const versionOptions = documents.map((doc) => (
    <option key={doc.number} value={doc.number}>
      {doc.name} ({DOCUMENT_STATUS_LABELS[doc.status].toLowerCase()})
    </option>
  ));
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={`/cases/${id}`}>← {comparison ? `Case ${comparison.caseIdentifier}` : "The case"}</Link>
      </p>
      <PageHeader
        title="Compare LOA versions"
        lead="Any two versions of this case's LOA side by side, line by line: what was added, removed and changed, and what each change does to the price and to congressional notification. Each version is priced on its own pricing day."
      />

      <form method="get" className="mb-6 flex flex-wrap items-end gap-x-4 rounded border border-base-lighter bg-white p-4" data-testid="compare-form">
        <Field id="from" label="From (earlier version)" error={problem?.from}>
          <Select id="from" name="from" defaultValue={String(comparison?.from.number ?? chosen.from ?? "")} error={problem?.from}>
            {versionOptions}
          </Select>
        </Field>
        <Field id="to" label="To (later version)" error={problem?.to}>
          <Select id="to" name="to" defaultValue={String(comparison?.to.number ?? chosen.to ?? "")} error={problem?.to}>
            {versionOptions}
          </Select>
        </Field>
        <div className="mb-5">
          <Button type="submit">Compare</Button>
        </div>
      </form>

      {documents.length < 2 && (
        <Alert type="info" title="There is only one version of this LOA so far" testId="single-version">
          Once an Amendment or Modification is started, you can compare it here with the document in force.
        </Alert>
      )}
      {comparison && documents.length >= 2 && <Comparison comparison={comparison} caseId={id} internals={internals} />}
    </div>
  );
}

function Comparison({ comparison, caseId, internals }: { comparison: DocumentComparisonView; caseId: string; internals: boolean }) {
  const { from, to, costSummary, notification } = comparison;
  const total = costSummary.totalEstimatedCost;
  const pricedOn = (side: typeof from) => `${side.pricedOn ? "priced on" : "priced at the rates of"} ${formatDate(side.pricedOnUsed)}`;
  return (
    <div className="grid min-w-0 grid-cols-1 gap-6">
      <Section id="compare-summary" title="Summary" testId="compare-summary">
        <p className="mb-3 text-sm text-base-dark">
          From <Link href={`/cases/${caseId}/documents/${from.number}`}>{from.name}</Link> ({DOCUMENT_STATUS_LABELS[from.status].toLowerCase()}, {pricedOn(from)}) to{" "}
          <Link href={`/cases/${caseId}/documents/${to.number}`}>{to.name}</Link> ({DOCUMENT_STATUS_LABELS[to.status].toLowerCase()}, {pricedOn(to)}).
        </p>
        {from.number === to.number && (
          <p className="mb-3 font-bold" data-testid="same-version">
            You chose the same version twice: pick two different versions to see a change.
          </p>
        )}
        <div className="grid gap-2 text-lg" data-testid="compare-sentences">
          {comparison.summary.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
        </div>
        {comparison.classification && (
          <p className="mt-3" data-testid="compare-classification">
            <span className="font-bold">Proposed document type: {CHANGE_PROPOSAL_LABELS[comparison.classification.proposal]}.</span>{" "}
            {comparison.classification.reason} <span className="text-sm text-base-dark">(U.S. Government only; a person confirms the type.)</span>
          </p>
        )}
        <dl className="mt-4 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[14rem_1fr]">
          <dt className="font-bold">Case value</dt>
          <dd data-testid="compare-total">
            {formatUsd(total.before)} → {formatUsd(total.after)} ({signedUsd(total.difference)})
          </dd>
          <dt className="font-bold">Congressional notification</dt>
          <dd data-testid="compare-notification">
            {notification.requiredBefore ? "Required" : "Not required"} → {notification.requiredAfter ? "required" : "not required"}
          </dd>
          <dt className="font-bold">Lines</dt>
          <dd data-testid="compare-counts">
            {comparison.counts.ADDED} added, {comparison.counts.REMOVED} removed, {comparison.counts.CHANGED} changed, {comparison.counts.UNCHANGED} unchanged
          </dd>
        </dl>
      </Section>

      <Section id="compare-lines" title="Line by line">
        <ComparisonTable comparison={comparison} showKinds={internals} />
      </Section>

      {comparison.documentChanges.length > 0 && (
        <Section id="compare-document" title="Changes to the document" testId="compare-document-changes">
          <ul className="grid gap-2">
            {comparison.documentChanges.map((change) => (
              <li key={change.field}>
                {internals && <Tag tone={KIND_TONES[change.kind]}>{CHANGE_KIND_LABELS[change.kind]}</Tag>} {change.description}
                {change.before !== null && change.after !== null && (
                  <span className="text-base-dark">
                    : was “{change.before}”, now “{change.after}”
                  </span>
                )}
                .
              </li>
            ))}
          </ul>
        </Section>
      )}

      <div className="grid min-w-0 grid-cols-1 gap-6 lg:grid-cols-2">
        <Section id="compare-cost" title="Estimated cost">
          <AmountTable
            caption={`Estimated cost of ${from.name} and ${to.name}`}
            testId="compare-cost"
            rows={COST_ROWS.map(({ key, label }) => ({ key, label, ...costSummary[key] }))}
          />
        </Section>
        <Section id="compare-threshold" title="Congressional notification thresholds">
          <p id="threshold-caption" className="mb-2 text-sm text-base-dark">
            Each test’s value before and after, against the threshold in force on the later version’s pricing day.
          </p>
          <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-labelledby="threshold-caption">
            <table className="w-full text-left text-sm" data-testid="compare-thresholds">
              <caption className="sr-only">Congressional notification thresholds before and after</caption>
              <thead className="bg-base-lightest">
                <tr>
                  <th scope="col" className="px-2 py-2">Test</th>
                  <th scope="col" className="px-2 py-2 text-right">Threshold</th>
                  <th scope="col" className="px-2 py-2 text-right">Before</th>
                  <th scope="col" className="px-2 py-2 text-right">After</th>
                </tr>
              </thead>
              <tbody>
                {notification.tests.map((test) => (
                  <tr key={test.basis} className="border-b border-base-lighter align-top" data-testid={`compare-threshold-${test.basis}`}>
                    <th scope="row" className="px-2 py-2 font-normal">
                      {test.label}
                    </th>
                    <td className="whitespace-nowrap px-2 py-2 text-right font-mono tabular-nums">{formatUsd(test.thresholdAfter)}</td>
                    <td className="whitespace-nowrap px-2 py-2 text-right">
                      <span className="font-mono tabular-nums">{formatUsd(test.valueBefore)}</span>
                      <span className="block text-xs">{test.metBefore ? "reached" : "below"}</span>
                    </td>
                    <td className={`whitespace-nowrap px-2 py-2 text-right ${test.metBefore !== test.metAfter ? "bg-warning-lighter font-bold" : ""}`}>
                      <span className="font-mono tabular-nums">{formatUsd(test.valueAfter)}</span>
                      <span className="block text-xs">
                        {test.metAfter ? "reached" : "below"}
                        {test.metBefore !== test.metAfter ? (test.metAfter ? " (newly)" : " (no longer reached)") : ""}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Section>
      </div>
    </div>
  );
}

function AmountTable({ caption, testId, rows }: { caption: string; testId: string; rows: { key: string; label: string; before: string | null; after: string | null; difference: string }[] }) {
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-base-lightest">
          <tr>
            <th scope="col" className="px-2 py-2">Charge</th>
            <th scope="col" className="px-2 py-2 text-right">Before</th>
            <th scope="col" className="px-2 py-2 text-right">After</th>
            <th scope="col" className="px-2 py-2 text-right">Difference</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} className={`border-b border-base-lighter ${row.key === "totalEstimatedCost" ? "font-bold" : ""}`} data-testid={`${testId}-${row.key}`}>
              <th scope="row" className={`px-2 py-2 ${row.key === "totalEstimatedCost" ? "" : "font-normal"}`}>
                {row.label}
              </th>
              <td className="whitespace-nowrap px-2 py-2 text-right font-mono tabular-nums">{formatUsd(row.before)}</td>
              <td className="whitespace-nowrap px-2 py-2 text-right font-mono tabular-nums">{formatUsd(row.after)}</td>
              <td className="whitespace-nowrap px-2 py-2 text-right font-mono tabular-nums">{signedUsd(row.difference)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
