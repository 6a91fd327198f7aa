/** Crash safety of the outbox on SQLite (a file database shared by the processes); see outbox-crash-suite.ts. */
import { describeOutboxCrashes } from './outbox-crash-suite.ts';

describeOutboxCrashes('sqlite');
