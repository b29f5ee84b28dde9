import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { SectionPager } from "@/components/tasks/section-pager";
import { Alert } from "@/components/ui/alert";
import { Card, Stat, Tag } from "@/components/ui/card";
import { can } from "@/domain/policy";
import { getLabels } from "@/i18n/labels";
import { getFormats } from "@/i18n/server";
import { requireActor } from "@/server/auth/actor";
import { listCases } from "@/server/cases/list-cases";
import { summarizeMyTasks } from "@/server/cases/list-my-tasks";
import { getHomeSummary } from "@/server/home/get-home-summary";
import { listOfferedAmendments } from "@/server/loa/list-offered-amendments";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("HomePage");
  return { title: t("title") };
}

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const [t, f, label] = await Promise.all([getTranslations("HomePage"), getFormats(), getLabels()]);
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
      <PageHeader title={t("welcome", { name: actor.name.split(" ")[0] ?? "" })} lead={t(`roleIntro.${actor.role}`)} />

      {tasks && (
        <div className="mb-6 grid gap-4 sm:grid-cols-3" data-testid="task-tiles">
          <Stat label={t("tasksWaiting")} value={f.number(tasks.total)} href="/tasks" />
          <Stat label={t("tasksOverdue")} value={f.number(tasks.overdue)} href="/tasks?overdue=true" />
          <Stat label={t("tasksDueSoon")} value={f.number(tasks.dueSoon)} href="/tasks" />
        </div>
      )}
      {offers && amendments && waiting > 0 && (
        <div className="mb-6" id="offers-waiting">
          <Alert type="warning" title={t("offersWaiting", { count: waiting })} testId="offers-waiting">
            {offers.items.map((c) => (
              <span key={c.id} className="block">
                {t.rich("offerLine", {
                  identifier: c.identifier,
                  date: f.date(c.milestones.offerExpiresAt),
                  link: (chunks) => <Link href={`/cases/${c.id}`}>{chunks}</Link>,
                })}
              </span>
            ))}
            {amendments.items.map((a) => (
              <span key={`${a.caseId}-${a.number}`} className="block" data-testid="offered-amendment">
                {t.rich("amendmentLine", {
                  name: a.name,
                  date: f.date(a.offeredAt),
                  link: (chunks) => <Link href={`/cases/${a.caseId}/documents/${a.number}`}>{chunks}</Link>,
                })}
                {a.changeReason && <span className="text-base-dark">: {a.changeReason}</span>}
              </span>
            ))}
            <SectionPager page={amendments.page} pageSize={amendments.pageSize} total={amendments.total} params={params} param="amendmentPage" anchor="offers-waiting" label={t("amendmentPages")} basePath="/" />
          </Alert>
        </div>
      )}

      {summary.letters &&
        (actor.role === "PARTNER_OFFICER" ? (
          <div className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="letter-tiles">
            <Stat label={t("draftLetters")} value={f.number(summary.letters.drafts)} href="/lors?status=DRAFT" />
            <Stat label={t("lettersNeedChanges")} value={f.number(summary.letters.needChanges)} href="/lors?status=INSUFFICIENT" />
            <Stat label={t("lettersWithUsg")} value={f.number(summary.letters.withUsg)} href="/lors?status=OPEN" />
            <Stat label={t("cases")} value={f.number(summary.letters.cases)} href="/cases" />
          </div>
        ) : (
          <div className="mb-6 grid gap-4 sm:grid-cols-3" data-testid="letter-tiles">
            <Stat label={t("lettersWaiting")} value={f.number(summary.letters.withUsg)} href="/lors?status=WITH_USG" />
            <Stat label={t("lettersOverdue")} value={f.number(summary.letters.overdue)} href="/lors?status=WITH_USG&overdue=true" />
            <Stat label={t("cases")} value={f.number(summary.letters.cases)} href="/cases" />
          </div>
        ))}

      {summary.security && (
        <div className="mb-6 grid gap-4 sm:grid-cols-3">
          <Stat label={t("signIns")} value={f.number(summary.security.signIns)} href="/audit?action=auth.sign_in&outcome=SUCCESS" />
          <Stat label={t("signInFailures")} value={f.number(summary.security.failures)} href="/audit?action=auth.sign_in&outcome=FAILURE" />
          <Stat label={t("refused")} value={f.number(summary.security.denied)} href="/audit?outcome=DENIED" />
        </div>
      )}

      {summary.users && (
        <div className="mb-6 grid gap-4 sm:grid-cols-3">
          <Stat label={t("activeUsers")} value={f.number(summary.users.active)} href="/admin/users?status=active" />
          <Stat label={t("inactiveUsers")} value={f.number(summary.users.inactive)} href="/admin/users?status=inactive" />
          <Stat
            label={t("unconfirmedCodes")}
            value={f.number(summary.reference?.unverified.length ?? 0)}
            href="/organizations?verified=false"
          />
        </div>
      )}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card
          title={actor.role === "PARTNER_OFFICER" ? t("yourCountry") : t("yourOrganization")}
          actions={<Link href={`/organizations/${org.id}`}>{t("details")}</Link>}
        >
          <p className="text-xl font-bold" data-testid="home-organization">
            {org.name}
          </p>
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-base-dark">{org.kind === "PARTNER_COUNTRY" ? t("customerCode") : t("code")}</dt>
            <dd className="font-mono font-bold">{org.code}</dd>
            <dt className="text-base-dark">{t("type")}</dt>
            <dd>{label("organizationKind", org.kind)}</dd>
            {org.kind === "PARTNER_COUNTRY" && (
              <>
                <dt className="text-base-dark">{t("natoPlusGroup")}</dt>
                <dd>{org.natoPlus ? t("natoPlusYes") : t("natoPlusNo")}</dd>
                <dt className="text-base-dark">{t("offerPeriod")}</dt>
                <dd>{t("days", { count: org.standardOedDays ?? 85 })}</dd>
              </>
            )}
          </dl>
        </Card>

        <Card title={actor.role === "PARTNER_OFFICER" ? t("colleaguesPartner") : t("colleaguesOffice")}>
          {summary.colleagues.length === 0 ? (
            <p className="text-base-dark">{t("noColleagues", { organization: org.name })}</p>
          ) : (
            <ul className="divide-y divide-base-lighter">
              {summary.colleagues.map((c) => (
                <li key={c.id} className="flex justify-between gap-3 py-2 text-sm">
                  <span className="font-bold">{c.name}</span>
                  <span className="text-base-dark">{label("role", c.role)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>

        {summary.reference && (
          <Card title={t("referenceData")} actions={<Link href="/organizations">{t("allOrganizations")}</Link>}>
            <div className="grid grid-cols-3 gap-3 text-center">
              <div>
                <p className="text-2xl font-bold text-primary-darker">{f.number(summary.reference.partners)}</p>
                <p className="text-xs text-base-dark">{t("partners")}</p>
              </div>
              <div>
                <p className="text-2xl font-bold text-primary-darker">{f.number(summary.reference.natoPlus)}</p>
                <p className="text-xs text-base-dark">{t("ofThemNatoPlus")}</p>
              </div>
              <div>
                <p className="text-2xl font-bold text-primary-darker">{f.number(summary.reference.agencies)}</p>
                <p className="text-xs text-base-dark">{t("agencies")}</p>
              </div>
            </div>
            {summary.reference.unverified.length > 0 && (
              <div className="mt-4">
                <p className="text-sm font-bold">{t("unconfirmedHeading")}</p>
                <ul className="mt-1 space-y-1 text-sm">
                  {summary.reference.unverified.map((o) => (
                    <li key={o.id}>
                      <Tag tone="warning">{t("unverified")}</Tag>{" "}
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
          <Card title={t("latestAudit")} actions={<Link href="/audit">{t("openAudit")}</Link>}>
            <ul className="divide-y divide-base-lighter text-sm">
              {summary.security.recent.map((e) => (
                <li key={e.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>
                    <span className="font-mono">{e.action}</span> · {e.actorEmail ?? t("system")}
                  </span>
                  <span className="text-base-dark">
                    <Tag tone={e.outcome === "SUCCESS" ? "success" : "error"}>{e.outcome}</Tag> {f.dateTime(e.occurredAt)}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        )}

        <Card title={t("connect")} actions={<Link href="/profile#api-tokens">{t("manageTokens")}</Link>}>
          <p className="text-sm">
            {t.rich("api", {
              code: (chunks) => <code className="font-mono">{chunks}</code>,
              link: (chunks) => <a href="/api/v1/openapi.json">{chunks}</a>,
            })}
          </p>
          <p className="mt-2 text-sm" data-testid="home-token-count">
            {t("tokens", { count: summary.activeTokens })}
          </p>
        </Card>
      </div>
    </div>
  );
}
