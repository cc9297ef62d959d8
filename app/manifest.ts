import type { MetadataRoute } from "next";

/** Makes Hallway installable; the colours match app/layout.tsx's theme colours (light page, indigo mark). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Hallway: the conference companion",
    short_name: "Hallway",
    description: "The conference program by day, track and room, search, speakers, your agenda and your notes.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#fafafa",
    theme_color: "#4f46e5",
    icons: [
      { src: "/icon.svg", type: "image/svg+xml", sizes: "any", purpose: "any" },
      { src: "/icons/icon-192.png", type: "image/png", sizes: "192x192", purpose: "any" },
      { src: "/icons/icon-512.png", type: "image/png", sizes: "512x512", purpose: "any" },
      { src: "/icons/maskable-512.png", type: "image/png", sizes: "512x512", purpose: "maskable" },
    ],
  };
}
