import path from "node:path";
import type { NextConfig } from "next";

const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // A second build directory lets a benchmark or a test run keep its build while another is made.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Public pages are cached in memory per process and rebuilt from the database after
  // each start (lib/cache/memory-cache-handler.cjs); several instances share them in
  // Redis instead (lib/cache/redis-cache-handler.cjs, docs/decisions/0020-several-instances.md).
  cacheHandler: path.resolve(process.env.HALLWAY_REDIS_URL ? "lib/cache/redis-cache-handler.cjs" : "lib/cache/memory-cache-handler.cjs"),
  cacheMaxMemorySize: 0,
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  typedRoutes: false,
  experimental: {
    // forbidden() answers 403 on /manage to a signed-in attendee.
    authInterrupts: true,
    // A program upload on /manage is up to 20 MB, plus the form's own bytes.
    serverActions: { bodySizeLimit: "21mb" },
  },
  async rewrites() {
    // Calendar files keep their .ics names; the routes behind them live in ordinary segments.
    return {
      beforeFiles: [
        { source: "/:conf/sessions/:slug.ics", destination: "/:conf/sessions/:slug/calendar" },
        { source: "/:conf/agenda/:token.ics", destination: "/api/conferences/:conf/agenda-feed/:token" },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
