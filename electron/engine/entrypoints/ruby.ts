// Ruby entry points (Rails routes, Sinatra and Grape, ActiveJob and Sidekiq workers, whenever, Rake, mains) and external calls.
import type { Family } from './context.js';
import { rubyCalls } from './rubyCalls.js';
import { rubyJobs } from './rubyJobs.js';
import { railsRoutes } from './rubyRails.js';
import { grapeRoutes, sinatraRoutes } from './rubySinatra.js';
import { RB_TYPES } from './rubySyntax.js';

export const ruby: Family = {
  types: RB_TYPES,
  entryPoints(ctx, out) {
    railsRoutes(ctx, out);
    sinatraRoutes(ctx, out);
    grapeRoutes(ctx, out);
    rubyJobs(ctx, out);
  },
  calls: rubyCalls,
};
