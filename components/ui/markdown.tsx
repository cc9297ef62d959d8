import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

const safeProtocol = /^(https?:|mailto:|#|\/)/i;

const components: Components = {
  a: ({ href, children }) =>
    href && safeProtocol.test(href) ? (
      <a href={href} rel="nofollow ugc noopener" target={href.startsWith("http") ? "_blank" : undefined}>
        {children}
      </a>
    ) : (
      <span>{children}</span>
    ),
  img: ({ alt }) => <span>{alt ? `[image: ${alt}]` : ""}</span>,
  h1: ({ children }) => <h3>{children}</h3>,
  h2: ({ children }) => <h3>{children}</h3>,
};

/**
 * Markdown written by organisers and attendees. Raw HTML is not rendered (it
 * shows as text), only http(s), mailto and relative links survive, and images
 * are not loaded from third parties.
 */
export function Markdown({ source, className = "" }: { source: string; className?: string }) {
  return (
    <div className={`prose-hallway ${className}`}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml={false} components={components}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
