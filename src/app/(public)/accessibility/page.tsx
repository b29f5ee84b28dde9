import type { Metadata } from "next";
import { listClass, PublicSection, SUPPORT_EMAIL } from "@/components/public/section";

export const metadata: Metadata = { title: "Accessibility statement" };

export default function AccessibilityPage() {
  return (
    <>
      <header className="space-y-2">
        <h1 className="text-3xl">Accessibility statement</h1>
        <p className="text-base-dark">Last reviewed December 2026.</p>
      </header>

      <PublicSection id="commitment" title="Our commitment">
        <p>
          Caseway is built for everyone who works on Foreign Military Sales cases, including people who use a screen
          reader, a keyboard instead of a mouse, magnification, voice control or high-contrast settings. We want every
          officer, in the United States and in partner nations, to be able to do their whole job in Caseway without help
          from someone else.
        </p>
        <p>
          As a U.S. Government system, Caseway must meet Section 508 of the Rehabilitation Act. We hold ourselves to the
          stricter standard below.
        </p>
      </PublicSection>

      <PublicSection id="standard" title="The standard we follow">
        <p>
          Caseway aims to conform to the{" "}
          <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines (WCAG) 2.2, level AA</a>. This
          includes the Section 508 requirements, which are based on WCAG 2.0 level AA.
        </p>
        <p>In practice this means, for example:</p>
        <ul className={listClass}>
          <li>every page can be used with a keyboard alone, and the item that has focus is always clearly outlined;</li>
          <li>text and status labels have a contrast of at least 4.5 to 1 against their background;</li>
          <li>every form field has a visible label, and errors say what is wrong and how to fix it;</li>
          <li>pages have headings, landmarks and a &ldquo;Skip to main content&rdquo; link for screen-reader users;</li>
          <li>pages work on a phone-sized screen, which is also how they reflow when zoomed to 400%.</li>
        </ul>
      </PublicSection>

      <PublicSection id="testing" title="How we test">
        <ul className={listClass}>
          <li>
            <strong>Automated checks on every page of every test journey.</strong> Each time our automated tests open a
            page — signing in, submitting a letter of request, reviewing a case, accepting an offer — the axe-core
            accessibility engine checks it against WCAG 2.2 A and AA rules. Any serious or critical problem stops the
            release.
          </li>
          <li>
            <strong>Keyboard-only journeys.</strong> Automated tests submit a letter of request and accept an offer using
            only the keyboard, and check that focus is visible at each step.
          </li>
          <li>
            <strong>Colour contrast checked from the design tokens.</strong> A unit test computes the contrast of every
            status label colour pair, so a colour change that would make labels hard to read is caught before release.
          </li>
        </ul>
      </PublicSection>

      <PublicSection id="limitations" title="Known limitations">
        <p>We know of these problems and are working on them:</p>
        <ul className={listClass}>
          <li>
            <strong>Charts.</strong> The charts on the dashboard are pictures of data. Every chart has the same figures in a
            table or in text next to it; use that if the chart is hard to read.
          </li>
          <li>
            <strong>PDF documents.</strong> Generated Letter of Offer and Acceptance (LOA) PDFs are not yet fully tagged for
            screen readers. The same information is on the case pages in Caseway. Ask us for an accessible copy of any
            document.
          </li>
          <li>
            <strong>Languages.</strong> Caseway is in English only for now. French, Spanish and Arabic are planned.
          </li>
          <li>
            <strong>Screen-reader testing by people.</strong> Our automated checks find many problems but not all of them.
            Testing with screen readers (such as NVDA, JAWS and VoiceOver) by people has not yet covered every screen.
          </li>
          <li>
            <strong>Workflow diagram.</strong> The case workflow diagram, in a closed section of each case page, is an image;
            its steps are also listed as text beside it.
          </li>
        </ul>
      </PublicSection>

      <PublicSection id="feedback" title="Tell us about a problem">
        <p>
          If something in Caseway is hard or impossible for you to use, please tell us. Say which page you were on, what
          you were trying to do, and what assistive technology you use, if any.
        </p>
        <ul className={listClass}>
          <li>
            Email: <a href={`mailto:${SUPPORT_EMAIL}?subject=Accessibility`}>{SUPPORT_EMAIL}</a> (subject
            &ldquo;Accessibility&rdquo;)
          </li>
          <li>We reply within two business days and, when you need it now, help you finish your task another way.</li>
        </ul>
        <p>
          You can also file a Section 508 complaint with the Defense Security Cooperation Agency&apos;s Section 508
          coordinator through the same address.
        </p>
      </PublicSection>
    </>
  );
}
