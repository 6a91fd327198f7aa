/** Crash safety of the outbox on PostgreSQL (one schema, several connections); see outbox-crash-suite.ts. */
import { describeOutboxCrashes } from './outbox-crash-suite.ts';

describeOutboxCrashes('postgres');
