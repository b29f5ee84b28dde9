import type { Metadata } from "next";
import { listClass, PublicSection, SUPPORT_EMAIL } from "@/components/public/section";

export const metadata: Metadata = { title: "Privacy" };

export default function PrivacyPage() {
  return (
    <>
      <header className="space-y-2">
        <h1 className="text-3xl">Privacy</h1>
        <p className="text-base-dark">
          What Caseway keeps about you, who can see it, and why. Last reviewed December 2026.
        </p>
      </header>

      <PublicSection id="system" title="A U.S. Government information system">
        <p>
          Caseway is operated for the Defense Security Cooperation Agency. Only people with an account created by a
          Caseway administrator may use it. Use is monitored and recorded; unauthorized use is prohibited and may be
          punished under law.
        </p>
      </PublicSection>

      <PublicSection id="collected" title="What we collect">
        <ul className={listClass}>
          <li>
            <strong>Your account:</strong> your name, work email address, role (for example partner-nation officer or
            DSCA analyst), and the organization or country you work for. A password is stored only as a one-way hash; we
            cannot read it.
          </li>
          <li>
            <strong>Your work:</strong> the letters of request, reviews, offers, documents, comments and decisions you
            enter, with the files you attach.
          </li>
          <li>
            <strong>Sign-in and session records:</strong> when you signed in and out, when your session was last used,
            failed sign-in attempts and the network address they came from (to slow down password guessing).
          </li>
          <li>
            <strong>Notification settings:</strong> which emails you want to receive.
          </li>
          <li>
            <strong>API tokens</strong> you create: their name and expiry. The token itself is shown once and only a
            fingerprint of it is kept.
          </li>
        </ul>
        <p>We do not use advertising, tracking cookies or third-party analytics. The only cookies Caseway sets keep you signed
          in and protect the sign-in form.</p>
      </PublicSection>

      <PublicSection id="who-sees" title="Who can see it">
        <ul className={listClass}>
          <li>
            <strong>Partner-nation officers see only their own country.</strong> An officer of one country can never see
            another country&apos;s letters of request, cases, offers or documents; Caseway answers as if they did not
            exist.
          </li>
          <li>
            <strong>U.S. Government staff</strong> (DSCA, the Department of State, DTSA, the implementing agencies and
            finance officers) see the cases they need for their role.
          </li>
          <li>
            <strong>Internal notes stay internal.</strong> Reviews, internal comments and pricing work are not shown to
            partner nations until they are part of an offer.
          </li>
          <li>
            <strong>Administrators and auditors</strong> can see account details and the audit log, to manage access and
            check how the system is used.
          </li>
        </ul>
        <p>We do not sell or share your information outside the U.S. Government, except as the law requires.</p>
      </PublicSection>

      <PublicSection id="audit" title="Audit log">
        <p>
          Every action in Caseway — each submission, review, change, signature and sign-in — is recorded in an audit log
          with who did it, their role and organization, what changed, and when (in UTC). The entries for each case are
          linked in a hash chain, so any later change to the record can be detected. The audit log cannot be edited or
          deleted through Caseway.
        </p>
      </PublicSection>

      <PublicSection id="email" title="Email">
        <p>
          Caseway sends email about tasks and case changes that concern you. You can choose which notices you receive on
          your Profile page. Emails link back to Caseway and never contain your password.
        </p>
      </PublicSection>

      <PublicSection id="retention" title="How long we keep it">
        <p>
          Case records and their audit log are federal records and are kept as the records schedule for Foreign Military
          Sales cases requires, including after a case is closed. Session and sign-in records are kept as security
          records. When you leave your post, your account is deactivated, not deleted, so the record of who
          did what stays complete.
        </p>
      </PublicSection>

      <PublicSection id="questions" title="Questions">
        <p>
          Write to <a href={`mailto:${SUPPORT_EMAIL}?subject=Privacy`}>{SUPPORT_EMAIL}</a> with the subject
          &ldquo;Privacy&rdquo; to ask what Caseway holds about you or to correct it.
        </p>
      </PublicSection>
    </>
  );
}
