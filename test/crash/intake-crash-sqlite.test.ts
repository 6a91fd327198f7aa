/** Intake crash safety on SQLite (a file database shared by the server processes); see intake-crash-suite.ts. */
import { describeIntakeCrash } from './intake-crash-suite.ts';

describeIntakeCrash('sqlite');
