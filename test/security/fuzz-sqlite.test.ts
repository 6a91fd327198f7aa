/** The fuzzing test on SQLite; see fuzz/fuzz-suite.ts. FUZZ_RUNS changes the number of requests. */
import { describeFuzzing } from './fuzz/fuzz-suite.ts';

describeFuzzing('sqlite', Number(process.env.FUZZ_RUNS ?? 10_000));
