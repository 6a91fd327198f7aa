/** The CLI against SQLite (the suite is in commands-suite.ts). */
import { describeCliOn } from './commands-suite.ts';

describeCliOn('sqlite');
