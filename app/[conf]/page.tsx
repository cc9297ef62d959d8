import { permanentRedirect } from "next/navigation";
import { href } from "@/lib/routes";

export default async function ConferencePage({ params }: PageProps<"/[conf]">) {
  const { conf } = await params;
  permanentRedirect(href.schedule(conf));
}
