import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { SectionPager } from "@/components/tasks/section-pager";
import { Alert } from "@/components/ui/alert";
import { Card, Stat, Tag } from "@/components/ui/card";
import { can } from "@/domain/policy";
import { ORGANIZATION_KIND_LABELS, ROLE_LABELS, type Role } from "@/domain/roles";
import { formatDate, formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { listCases } from "@/server/cases/list-cases";
import { summarizeMyTasks } from "@/server/cases/list-my-tasks";
import { getHomeSummary } from "@/server/home/get-home-summary";
import { listOfferedAmendments } from "@/server/loa/list-offered-amendments";

export const metadata: Metadata = { title: "Home" };

const ROLE_INTRO: Record<Role, string> = {
  PARTNER_OFFICER:
    "Caseway is where your country's Letters of Request and the cases that follow them live. You see your own country's records only.",
  DSCA_ANALYST: "You validate Letters of Request, route cases to implementing agencies and review Letters of Offer and Acceptance.",
  STATE_REVIEWER: "You give the State Department's approval on Letters of Offer and Acceptance and clear congressional notifications.",
  DTSA_REVIEWER: "You carry out the technology-security and foreign-disclosure review of each case.",
  IA_CASE_MANAGER: "You validate requests for your agency, then build, price and execute the Letters of Offer and Acceptance.",
  ADMIN: "You manage who can use Caseway and confirm the reference codes it relies on.",
  AUDITOR: "You have read access to the audit log of every sign-in and every decision.",
  FINANCE_OFFICER: "You record the deposits and payments partners send, and issue the quarterly statements that bill them.",
  POLICY_OFFICER: "You propose changes to the rates, thresholds and clocks Caseway applies; an administrator approves them.",
};

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const summary = await getHomeSummary(actor);
  const tasks = can(actor, "listMyTasks") ? await summarizeMyTasks(actor) : null;
  const offers = actor.role === "PARTNER_OFFICER" ? await listCases(actor, { status: "OFFERED" }) : null;
  // Amendments offered after acceptance wait for the partner too; they have their own page (`amendmentPage`).
  const amendments =
    actor.role === "PARTNER_OFFICER"
      ? await listOfferedAmendments(actor, { page: /^[1-9]\d{0,4}$/.test(params.amendmentPage ?? "") ? params.amendmentPage : "1", pageSize: "10" })
      : null;
  const waiting = (offers?.total ?? 0) + (amendments?.total ?? 0);
  const org = summary.organization;
  return (
    <div data-testid={`home-${actor.role.toLowerCase()}`}>
      <PageHeader title={`Welcome, ${actor.name.split(" ")[0]}`} lead={ROLE_INTRO[actor.role]} />

      {tasks && (
        <div className="mb-6 grid gap-4 sm:grid-cols-3" data-testid="task-tiles">
          <Stat label="Tasks waiting on your office" value={tasks.total} href="/tasks" />
          <Stat label="Overdue tasks" value={tasks.overdue} href="/tasks?overdue=true" />
          <Stat label="Due soon (75% of the target used)" value={tasks.dueSoon} href="/tasks" />
        </div>
      )}
      {offers && amendments && waiting > 0 && (
        <div className="mb-6" id="offers-waiting">
          <Alert type="warning" title={`${waiting === 1 ? "An offer is" : `${waiting} offers are`} waiting for your acceptance`} testId="offers-waiting">
            {offers.items.map((c) => (
              <span key={c.id} className="block">
                <Link href={`/cases/${c.id}`}>Case {c.identifier}</Link> — expires {formatDate(c.milestones.offerExpiresAt)}
              </span>
            ))}
            {amendments.items.map((a) => (
              <span key={`${a.caseId}-${a.number}`} className="block" data-testid="offered-amendment">
                <Link href={`/cases/${a.caseId}/documents/${a.number}`}>Amendment {a.name}</Link> — offered {formatDate(a.offeredAt)}
                {a.changeReason && <span className="text-base-dark">: {a.changeReason}</span>}
              </span>
            ))}
            <SectionPager page={amendments.page} pageSize={amendments.pageSize} total={amendments.total} params={params} param="amendmentPage" anchor="offers-waiting" label="Pages of offered Amendments" basePath="/" />
          </Alert>
        </div>
      )}

      {summary.letters &&
        (actor.role === "PARTNER_OFFICER" ? (
          <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="letter-tiles">
            <Stat label="Draft letters" value={summary.letters.drafts} href="/lors?status=DRAFT" />
            <Stat label="Letters that need your changes" value={summary.letters.needChanges} href="/lors?status=INSUFFICIENT" />
            <Stat label="Letters with the U.S. Government" value={summary.letters.withUsg} href="/lors?status=OPEN" />
            <Stat label="Cases" value={summary.letters.cases} href="/cases" />
          </div>
        ) : (
          <div className="mb-6 grid gap-4 sm:grid-cols-3" data-testid="letter-tiles">
            <Stat label="Letters waiting for validation" value={summary.letters.withUsg} href="/lors?status=WITH_USG" />
            <Stat label="Past the validation target" value={summary.letters.overdue} href="/lors?status=WITH_USG&overdue=true" />
            <Stat label="Cases" value={summary.letters.cases} href="/cases" />
          </div>
        ))}

      {summary.security && (
        <div className="mb-6 grid gap-4 sm:grid-cols-3">
          <Stat label="Successful sign-ins, last 24 hours" value={summary.security.signIns} href="/audit?action=auth.sign_in&outcome=SUCCESS" />
          <Stat label="Failed sign-ins, last 24 hours" value={summary.security.failures} href="/audit?action=auth.sign_in&outcome=FAILURE" />
          <Stat label="Refused attempts, last 24 hours" value={summary.security.denied} href="/audit?outcome=DENIED" />
        </div>
      )}

      {summary.users && (
        <div className="mb-6 grid gap-4 sm:grid-cols-3">
          <Stat label="Active users" value={summary.users.active} href="/admin/users?status=active" />
          <Stat label="Deactivated users" value={summary.users.inactive} href="/admin/users?status=inactive" />
          <Stat
            label="Reference codes awaiting confirmation"
            value={summary.reference?.unverified.length ?? 0}
            href="/organizations?verified=false"
          />
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card
          title={actor.role === "PARTNER_OFFICER" ? "Your country" : "Your organization"}
          actions={<Link href={`/organizations/${org.id}`}>Details</Link>}
        >
          <p className="text-xl font-bold" data-testid="home-organization">
            {org.name}
          </p>
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-base-dark">{org.kind === "PARTNER_COUNTRY" ? "FMS customer code" : "Code"}</dt>
            <dd className="font-mono font-bold">{org.code}</dd>
            <dt className="text-base-dark">Type</dt>
            <dd>{ORGANIZATION_KIND_LABELS[org.kind]}</dd>
            {org.kind === "PARTNER_COUNTRY" && (
              <>
                <dt className="text-base-dark">NATO+ group</dt>
                <dd>{org.natoPlus ? "Yes: NATO+ congressional-notification thresholds apply" : "No: standard thresholds apply"}</dd>
                <dt className="text-base-dark">Standard offer period</dt>
                <dd>{org.standardOedDays ?? 85} days</dd>
              </>
            )}
          </dl>
        </Card>

        <Card title={actor.role === "PARTNER_OFFICER" ? "Your colleagues in Caseway" : "Colleagues in your office"}>
          {summary.colleagues.length === 0 ? (
            <p className="text-base-dark">No one else from {org.name} uses Caseway yet.</p>
          ) : (
            <ul className="divide-y divide-base-lighter">
              {summary.colleagues.map((c) => (
                <li key={c.id} className="flex justify-between gap-3 py-2 text-sm">
                  <span className="font-bold">{c.name}</span>
                  <span className="text-base-dark">{ROLE_LABELS[c.role]}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>

        {summary.reference && (
          <Card title="Reference data" actions={<Link href="/organizations">All organizations</Link>}>
            <div className="grid grid-cols-3 gap-3 text-center">
              <div>
                <p className="text-2xl font-bold text-primary-darker">{summary.reference.partners}</p>
                <p className="text-xs text-base-dark">Partner countries and organizations</p>
              </div>
              <div>
                <p className="text-2xl font-bold text-primary-darker">{summary.reference.natoPlus}</p>
                <p className="text-xs text-base-dark">of them NATO+</p>
              </div>
              <div>
                <p className="text-2xl font-bold text-primary-darker">{summary.reference.agencies}</p>
                <p className="text-xs text-base-dark">Implementing agencies</p>
              </div>
            </div>
            {summary.reference.unverified.length > 0 && (
              <div className="mt-4">
                <p className="text-sm font-bold">Codes not yet confirmed against SAMM</p>
                <ul className="mt-1 space-y-1 text-sm">
                  {summary.reference.unverified.map((o) => (
                    <li key={o.id}>
                      <Tag tone="warning">Unverified</Tag>{" "}
                      <Link href={`/organizations/${o.id}`}>
                        <span className="font-mono">{o.code}</span> {o.name}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </Card>
        )}

      {summary.security && (
          <Card title="Latest audit events" actions={<Link href="/audit">Open the audit log</Link>}>
            <ul className="divide-y divide-base-lighter text-sm">
              {summary.security.recent.map((e) => (
                <li key={e.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>
                    <span className="font-mono">{e.action}</span> · {e.actorEmail ?? "system"}
                  </span>
                  <span className="text-base-dark">
                    <Tag tone={e.outcome === "SUCCESS" ? "success" : "error"}>{e.outcome}</Tag> {formatDateTime(e.occurredAt)}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        )}

        <Card title="Connect your own systems" actions={<Link href="/profile#api-tokens">Manage tokens</Link>}>
          <p className="text-sm">
            Caseway has a JSON API under <code className="font-mono">/api/v1</code>, described in the{" "}
            <a href="/api/v1/openapi.json">OpenAPI document</a>. Authenticate with a personal API token.
          </p>
          <p className="mt-2 text-sm" data-testid="home-token-count">
            You have {summary.activeTokens} active {summary.activeTokens === 1 ? "token" : "tokens"}.
          </p>
        </Card>
      </div>
    </div>
  );
}
