import type { Metadata, Viewport } from "next";
import "@fontsource/public-sans/400.css";
import "@fontsource/public-sans/700.css";
import "./globals.css";
import { ClassificationBanner } from "@/components/classification-banner";
import { GovBanner } from "@/components/gov-banner";

export const metadata: Metadata = {
  title: { default: "Caseway", template: "%s | Caseway" },
  description: "Foreign Military Sales cases from Letter of Request to closure",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

/** Federal-site footer links, on every page (public ones included). */
const FOOTER_LINKS = [
  ["/accessibility", "Accessibility"],
  ["/privacy", "Privacy"],
  ["/help", "Help"],
] as const;

// Every page reads the session and the database; nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="flex min-h-screen flex-col">
        <a
          href="#main-content"
          className="sr-only z-50 bg-white p-2 focus:not-sr-only focus:absolute focus:left-2 focus:top-2"
        >
          Skip to main content
        </a>
        <ClassificationBanner position="top" />
        <GovBanner />
        <div className="flex flex-1 flex-col">{children}</div>
        <footer className="bg-primary-darker px-4 py-6 text-sm text-white">
          <div className="mx-auto flex max-w-6xl flex-col gap-2 sm:flex-row sm:justify-between">
            <p>
              <strong>Caseway</strong> — Foreign Military Sales case management
            </p>
            <p>Every action in Caseway is recorded in an audit log.</p>
          </div>
          <nav aria-label="About Caseway" className="mx-auto mt-4 max-w-6xl">
            <ul className="flex flex-wrap gap-x-6 gap-y-2">
              {FOOTER_LINKS.map(([href, label]) => (
                <li key={href}>
                  <a href={href} className="text-white visited:text-white hover:text-primary-lighter">
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </footer>
        <ClassificationBanner position="bottom" />
      </body>
    </html>
  );
}
