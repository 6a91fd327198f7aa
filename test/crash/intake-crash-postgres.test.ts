/** Intake crash safety on PostgreSQL (the test schema, through DATABASE_URL); see intake-crash-suite.ts. */
import { describeIntakeCrash } from './intake-crash-suite.ts';

describeIntakeCrash('postgres');
