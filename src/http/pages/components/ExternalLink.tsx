/** A link to another site: no referrer (the follow-up page's address holds the private token). */
import { Link } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} rel="noreferrer noopener" external>
      {children}
    </Link>
  );
}
