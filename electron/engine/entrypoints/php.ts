// PHP entry points and external calls: Laravel and Slim routes, Symfony route attributes, Artisan commands, the scheduler, queued jobs.
import type { Family } from './context.js';
import { symfonyRoutes } from './phpAttributes.js';
import { phpCalls } from './phpCalls.js';
import { phpJobs } from './phpJobs.js';
import { laravelRoutes, slimRoutes } from './phpRoutes.js';
import { PHP_TYPES } from './phpSyntax.js';

// A client, facade or driver call, or a dispatched job: without one, phpCalls finds nothing.
const CALL_HINT = /GuzzleHttp|HttpClient|Http::|curl_init|DB::|->(?:query|prepare|exec|execute\w*|fetch\w*)\s*\(|mysqli_|pg_query|dispatch|Queue::|Bus::|Redis::/;

export const php: Family = {
  types: PHP_TYPES,
  entryPoints(ctx, out) {
    laravelRoutes(ctx, out);
    slimRoutes(ctx, out);
    symfonyRoutes(ctx, out);
    phpJobs(ctx, out);
  },
  calls(ctx, out) {
    if (CALL_HINT.test(ctx.source)) phpCalls(ctx, out);
  },
};
