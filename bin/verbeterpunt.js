#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so there is no build step between a clone and a start.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// React renders about four times faster in its production build; set NODE_ENV to override.
process.env.NODE_ENV ??= 'production';

// The project's tsconfig (JSX for the pages and letters) whatever the working directory is.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../src/cli/main.ts');
