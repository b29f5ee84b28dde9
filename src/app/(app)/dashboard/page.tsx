import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Stat } from "@/components/ui/card";
import { FilterForm, FilterInput } from "@/components/ui/filter-form";
import { LocalTime } from "@/components/ui/local-time";
import { DashboardBarChart } from "@/components/insight/bar-chart";
import { Figure, FigureTable } from "@/components/insight/figure";
import { agingSummary, bottleneckSummary, lorToOfferSummary, pipelineSummary, valueSummary } from "@/domain/insight/dashboard";
import { formatUsd } from "@/domain/money";
import type { DashboardView } from "@/domain/schemas/dashboard";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { getDashboard } from "@/server/insight/get-dashboard";
import { forFilteredPage } from "@/server/page-guard";

export const metadata: Metadata = { title: "Dashboard" };

const LEADS: Record<DashboardView["scope"], string> = {
  ALL: "Where every case stands, who holds the open ones and for how long, how fast letters become offers, and where the value lies. Every number opens the cases behind it.",
  AGENCY: "Your agency's cases: which step they are in and how long they have waited there, who holds them now, and how fast letters become offers. Every number opens the cases behind it.",
  COUNTRY: "Your country's portfolio across the implementing agencies: its value, the offers waiting for your acceptance and where each case stands. Every number opens the cases behind it.",
};

const n = (value: number) => value.toLocaleString("en-US");
const num = "px-3 py-2 text-right tabular-nums";

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const { result: view, problem } = await forFilteredPage(() => getDashboard(actor, params));
  const partner = actor.role === "PARTNER_OFFICER";
  const agencyScoped = actor.role === "IA_CASE_MANAGER";
  return (
    <div data-testid="dashboard">
      <PageHeader title="Dashboard" lead={LEADS[partner ? "COUNTRY" : agencyScoped ? "AGENCY" : "ALL"]} />
      <FilterForm label="Filter the dashboard" submitLabel="Apply filters">
        <FilterInput name="from" label="Cases opened from" type="date" defaultValue={params.from} />
        <FilterInput name="to" label="to" type="date" defaultValue={params.to} />
        {!agencyScoped && <FilterInput name="agency" label="Agency code" defaultValue={params.agency} />}
        {!partner && <FilterInput name="country" label="Country code" defaultValue={params.country} />}
      </FilterForm>
      {problem && (
        <Alert type="error" title="Check the filters" testId="dashboard-error">
          {Object.values(problem).join(". ")}
        </Alert>
      )}
      {view && <Dashboard view={view} />}
    </div>
  );
}

function Dashboard({ view }: { view: DashboardView }) {
  const partner = view.scope === "COUNTRY";
  const lor = view.lorToOffer;
  const withinShare = lor.offered > 0 ? `${Math.round((lor.withinTarget / lor.offered) * 100)}%` : "—";
  return (
    <>
      <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="dashboard-totals">
        <Stat label="Cases" value={n(view.totals.cases)} href={view.totals.href} />
        <Stat label="Open cases" value={n(view.totals.openCases)} />
        <Stat label={partner ? "Value of your open cases offered to you" : "Value of the open cases"} value={formatUsd(view.totals.openValue)} />
        {partner ? (
          <Stat label="Offers waiting for your acceptance" value={n(view.offersWaiting.length)} href="#offers-waiting" />
        ) : (
          <Stat label={lor.targetDays === null ? "Offers made" : `Offered within the ${lor.targetDays}-day target`} value={withinShare} href="#lor-to-offer" />
        )}
      </div>

      <div className="grid gap-6">
        {partner && (
          <div className="grid gap-6 lg:grid-cols-2">
            <OffersWaiting view={view} />
            <NextPayments view={view} />
          </div>
        )}
        {view.bottleneck && <Bottleneck offices={view.bottleneck} />}
        {view.scope === "AGENCY" && <AgingByStep view={view} />}
        <Pipeline view={view} />
        {!partner && <LorToOffer view={view} />}
        <div className="grid gap-6 lg:grid-cols-2">
          {view.valueByCountry && <ValueShares id="value-by-country" title="Value by country" noun={["country", "countries"]} shares={view.valueByCountry} />}
          <ValueShares id="value-by-agency" title={partner ? "Your portfolio by implementing agency" : "Value by implementing agency"} noun={["agency", "agencies"]} shares={view.valueByAgency} />
        </div>
      </div>
      <p className="mt-6 text-sm text-base-dark">
        {/* Figures computed before the request come from the all-cases snapshot, which a job refreshes every minute. */}
        Figures as of <LocalTime value={view.asOf} />
        {view.asOf !== view.generatedAt && " (updated every minute)"}. Values are the total estimated cost of each case&apos;s LOA in force, or of its basic LOA before acceptance
        {partner ? ", shown once the LOA has been offered to you" : ""}.
      </p>
    </>
  );
}

function Bottleneck({ offices }: { offices: NonNullable<DashboardView["bottleneck"]> }) {
  return (
    <Figure
      id="bottleneck"
      title="Who holds the open cases now"
      summary={bottleneckSummary(offices)}
      testId="bottleneck"
      tableOpen
      chart={
        <DashboardBarChart
          testId="bottleneck-chart"
          seriesNames={["Within target", "Past target"]}
          data={offices.map((o) => ({ label: o.officeName, value: o.cases - o.overdue, secondary: o.overdue, href: o.href }))}
        />
      }
      table={
        <FigureTable caption="Open cases by the office holding them" columns={["Office", "Accountable", "Cases held", "Past target", "Median days held", "Longest"]} testId="bottleneck-table">
          {offices.map((o) => (
            <tr key={o.office} className="border-t border-base-lighter" data-testid="bottleneck-row">
              <th scope="row" className="px-3 py-2 font-bold">
                {o.officeName}
              </th>
              <td className="px-3 py-2 text-right">{o.accountable ? <a href={`mailto:${o.accountable.email}`}>{o.accountable.name}</a> : <span className="text-base-dark">Not named</span>}</td>
              <td className={num}>
                <Link href={o.href}>{n(o.cases)}</Link>
              </td>
              <td className={num}>
                <Link href={o.overdueHref} aria-label={`${n(o.overdue)} cases held by ${o.officeName} past target`}>
                  {n(o.overdue)}
                </Link>
              </td>
              <td className={num}>{n(o.medianDaysHeld)}</td>
              <td className={num}>{n(o.longestDaysHeld)}</td>
            </tr>
          ))}
        </FigureTable>
      }
    />
  );
}

function Pipeline({ view }: { view: DashboardView }) {
  const partner = view.scope === "COUNTRY";
  return (
    <Figure
      id="pipeline"
      title="Cases by status"
      summary={pipelineSummary(view)}
      testId="pipeline"
      chart={<DashboardBarChart testId="pipeline-chart" data={view.pipeline.map((p) => ({ label: p.label, value: p.cases, href: p.href }))} />}
      table={
        <FigureTable caption="Cases by status" columns={["Status", "Cases", partner ? "Value offered to you" : "Value"]}>
          {view.pipeline.map((p) => (
            <tr key={p.status} className="border-t border-base-lighter">
              <th scope="row" className="px-3 py-2 font-normal">
                {p.label}
              </th>
              <td className={num}>
                <Link href={p.href}>{n(p.cases)}</Link>
              </td>
              <td className={num}>{formatUsd(p.value)}</td>
            </tr>
          ))}
        </FigureTable>
      }
    />
  );
}

function LorToOffer({ view }: { view: DashboardView }) {
  const lor = view.lorToOffer;
  const target = lor.targetDays === null ? undefined : lor.buckets.find((b) => b.maxDays === null || b.maxDays >= lor.targetDays!);
  return (
    <Figure
      id="lor-to-offer"
      title="Days from the complete letter to the offer"
      summary={lorToOfferSummary(lor)}
      testId="lor-to-offer"
      chart={
        <DashboardBarChart
          testId="lor-to-offer-chart"
          layout="vertical"
          referenceAt={target?.label}
          referenceLabel={lor.targetDays === null ? undefined : `Target: ${lor.targetDays} days`}
          data={lor.buckets.map((b) => ({ label: b.label, value: b.cases, href: b.href, flagged: b.overTarget }))}
        />
      }
      table={
        <FigureTable caption="Offered cases by days from the complete letter to the offer" columns={["Days to offer", "Cases", "Against the target"]}>
          {lor.buckets.map((b) => (
            <tr key={b.label} className="border-t border-base-lighter">
              <th scope="row" className="px-3 py-2 font-normal">
                {b.label}
              </th>
              <td className={num}>
                <Link href={b.href}>{n(b.cases)}</Link>
              </td>
              <td className="px-3 py-2 text-right">{lor.targetDays === null ? "No target in force" : b.overTarget ? "Past or across the target" : "Within the target"}</td>
            </tr>
          ))}
        </FigureTable>
      }
    />
  );
}

function ValueShares({ id, title, noun, shares }: { id: string; title: string; noun: readonly [string, string]; shares: DashboardView["valueByAgency"] }) {
  return (
    <Figure
      id={id}
      title={title}
      summary={valueSummary(shares, noun)}
      testId={id}
      chart={<DashboardBarChart testId={`${id}-chart`} format="usd" seriesNames={["Value"]} data={shares.map((s) => ({ label: s.name, value: Number(s.value), href: s.href }))} />}
      table={
        <FigureTable caption={title} columns={[noun[0] === "country" ? "Country" : "Agency", "Cases", "Value"]}>
          {shares.map((s) => (
            <tr key={s.code} className="border-t border-base-lighter">
              <th scope="row" className="px-3 py-2 font-normal">
                {s.name} <span className="font-mono text-base-dark">({s.code})</span>
              </th>
              <td className={num}>
                <Link href={s.href}>{n(s.cases)}</Link>
              </td>
              <td className={num}>{formatUsd(s.value)}</td>
            </tr>
          ))}
        </FigureTable>
      }
    />
  );
}

function AgingByStep({ view }: { view: DashboardView }) {
  const labels = view.agingByStep[0]?.buckets.map((b) => b.label) ?? [];
  return (
    <Figure
      id="aging-by-step"
      title="Your cases by step and how long they have waited in it"
      summary={agingSummary(view.agingByStep)}
      testId="aging-by-step"
      tableOpen
      chart={
        <DashboardBarChart
          testId="aging-chart"
          seriesNames={["Under 90 days", "90 days or more"]}
          data={view.agingByStep.map((step) => ({
            label: step.label,
            value: step.buckets.filter((b) => b.minDays < 90).reduce((sum, b) => sum + b.cases, 0),
            secondary: step.buckets.filter((b) => b.minDays >= 90).reduce((sum, b) => sum + b.cases, 0),
          }))}
        />
      }
      table={
        <FigureTable caption="Open cases by step and days in it" columns={["Step", ...labels]}>
          {view.agingByStep.map((step) => (
            <tr key={step.status} className="border-t border-base-lighter">
              <th scope="row" className="px-3 py-2 font-normal">
                {step.label}
              </th>
              {step.buckets.map((b) => (
                <td key={b.label} className={num}>
                  <Link href={b.href} aria-label={`${n(b.cases)} cases in ${step.label}, ${b.label.toLowerCase()}`}>
                    {n(b.cases)}
                  </Link>
                </td>
              ))}
            </tr>
          ))}
        </FigureTable>
      }
    />
  );
}

function OffersWaiting({ view }: { view: DashboardView }) {
  return (
    <section aria-labelledby="offers-waiting" className="rounded border border-base-lighter bg-white p-5" data-testid="offers-waiting-panel">
      <h2 id="offers-waiting" className="mb-3 text-xl text-primary-darker">
        Offers waiting for your acceptance
      </h2>
      {view.offersWaiting.length === 0 ? (
        <p>No offer is waiting for you.</p>
      ) : (
        <ul className="divide-y divide-base-lighter">
          {view.offersWaiting.map((offer) => (
            <li key={offer.caseId} className="flex flex-wrap justify-between gap-2 py-2">
              <span>
                <Link href={offer.href} className="whitespace-nowrap font-mono font-bold">
                  {offer.identifier}
                </Link>{" "}
                <span className="text-base-dark">{offer.agency}</span>
              </span>
              <span>
                {offer.value && <span className="mr-3 tabular-nums">{formatUsd(offer.value)}</span>}
                expires <strong>{formatDate(offer.offerExpiresAt)}</strong>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function NextPayments({ view }: { view: DashboardView }) {
  const payments = view.nextPayments ?? [];
  return (
    <section aria-labelledby="next-payments" className="rounded border border-base-lighter bg-white p-5" data-testid="next-payments">
      <h2 id="next-payments" className="mb-3 text-xl text-primary-darker">
        Payments coming due
      </h2>
      {payments.length === 0 ? (
        <p>No billing statement of yours falls due from today on.</p>
      ) : (
        <ul className="divide-y divide-base-lighter">
          {payments.map((payment) => (
            <li key={`${payment.caseId}-${payment.dueOn}`} className="flex flex-wrap justify-between gap-2 py-2">
              <Link href={payment.href} className="whitespace-nowrap font-mono font-bold">
                {payment.identifier}
              </Link>
              <span>
                <span className="mr-3 tabular-nums">{formatUsd(payment.amountDue)}</span>
                due <strong>{formatDate(payment.dueOn)}</strong>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-2 text-sm text-base-dark">As billed on each statement; a case&apos;s Money page shows the payments received since.</p>
    </section>
  );
}
