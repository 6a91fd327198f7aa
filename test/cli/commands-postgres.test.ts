/** The CLI against PostgreSQL, skipped when it does not answer unless CI is set (the suite is in commands-suite.ts). */
import { describeCliOn } from './commands-suite.ts';

describeCliOn('postgres');
