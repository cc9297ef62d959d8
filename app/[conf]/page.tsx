import { permanentRedirect } from "next/navigation";

export default async function ConferencePage({ params }: PageProps<"/[conf]">) {
  const { conf } = await params;
  permanentRedirect(`/${encodeURIComponent(conf)}/schedule`);
}
