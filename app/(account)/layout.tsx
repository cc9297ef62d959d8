export default function AccountLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-12 sm:py-16">
      {children}
    </main>
  );
}
