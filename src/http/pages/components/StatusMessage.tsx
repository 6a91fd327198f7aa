/** A short success message after an action, announced politely (role="status"). */
import { Alert, Paragraph } from '@utrecht/component-library-react';

export function StatusMessage({ message }: { message: string }) {
  return (
    <Alert type="ok" role="status" className="vp-status">
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}
