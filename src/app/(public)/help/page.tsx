import type { Metadata } from "next";
import { listClass, PublicSection, SUPPORT_EMAIL } from "@/components/public/section";

export const metadata: Metadata = { title: "Help" };

export default function HelpPage() {
  return (
    <>
      <header className="space-y-2">
        <h1 className="text-3xl">Help</h1>
        <p className="text-base-dark">How to get started in Caseway, and where to find your work.</p>
      </header>

      <PublicSection id="signing-in" title="Signing in">
        <p>
          Sign in with the work email address your Caseway administrator registered for you. Caseway has no
          self-registration: if you do not have an account, or you forgot your password, ask your administrator or write
          to us (below). After several wrong passwords Caseway makes you wait before trying again, to stop guessing.
        </p>
        <p>You are signed out after a period without activity. Sign in again to continue where you were.</p>
      </PublicSection>

      <PublicSection id="partners" title="If you are a partner-nation officer">
        <ol className="list-decimal space-y-1 pl-6">
          <li>
            Open <strong>My letters of request</strong> and choose <strong>Start a new letter</strong>. Describe what
            your country wants to buy; you can save a draft and finish later. Caseway tells you which parts are still
            missing before you submit.
          </li>
          <li>
            After you submit, DSCA checks the letter. If they need more information, the letter comes back to you with
            their questions.
          </li>
          <li>
            When your letter becomes a case, follow it in <strong>My cases</strong>. The case page shows where it is and
            what comes next.
          </li>
          <li>
            When the U.S. Government sends an offer (a Letter of Offer and Acceptance), review it on the case page and
            accept it before it expires.
          </li>
        </ol>
        <p>You only ever see your own country&apos;s letters and cases.</p>
      </PublicSection>

      <PublicSection id="usg" title="If you work for the U.S. Government">
        <ul className={listClass}>
          <li>
            <strong>DSCA analysts</strong> check new letters of request, open cases and send offers.
          </li>
          <li>
            <strong>State and DTSA reviewers</strong> record their review of each case in their own queue.
          </li>
          <li>
            <strong>Implementing-agency case managers</strong> build and price the Letter of Offer and Acceptance, then
            record deliveries after acceptance.
          </li>
          <li>
            <strong>Finance officers</strong> record deposits and billing.
          </li>
          <li>
            <strong>Administrators</strong> manage users and offices; <strong>auditors</strong> read the audit log.
          </li>
        </ul>
      </PublicSection>

      <PublicSection id="tasks" title="Where your tasks are">
        <ul className={listClass}>
          <li>
            <strong>Home</strong> shows what needs your attention first.
          </li>
          <li>
            <strong>My tasks</strong> (U.S. Government staff) lists every letter and case waiting for you, with its due
            date.
          </li>
          <li>
            <strong>Notifications</strong> (the bell in the header) lists changes to your cases; the same notices can reach
            you by email.
          </li>
          <li>
            <strong>Search</strong> finds a case or letter by number, country or words in it.
          </li>
        </ul>
      </PublicSection>

      <PublicSection id="keyboard" title="Using Caseway with a keyboard or screen reader">
        <p>
          Press <kbd>Tab</kbd> to move to the next link or button and <kbd>Shift</kbd>+<kbd>Tab</kbd> to go back; press{" "}
          <kbd>Enter</kbd> to follow a link or press a button and <kbd>Space</kbd> to tick a box. The first Tab on every
          page offers &ldquo;Skip to main content&rdquo;. See the <a href="/accessibility">accessibility statement</a> for
          what we support and known limitations.
        </p>
      </PublicSection>

      <PublicSection id="contact" title="Contact">
        <p>
          Email <a href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</a>. Tell us the case or letter number and what you
          were trying to do; never send a password. We answer within two business days.
        </p>
      </PublicSection>
    </>
  );
}
