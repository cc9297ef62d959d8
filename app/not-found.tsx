import Link from "next/link";
import { NotFoundMessage } from "@/components/ui/not-found-message";
import { href } from "@/lib/routes";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-20 text-center sm:px-6">
      <NotFoundMessage>
        <Link href={href.home()} className="rounded-lg bg-zinc-900 px-4 py-2 text-white dark:bg-zinc-100 dark:text-zinc-900">
          Go to the conferences
        </Link>
      </NotFoundMessage>
    </main>
  );
}
