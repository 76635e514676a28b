// Kotlin entry points (Spring annotations, Ktor routing, `fun main`) and external calls.
import type { Family } from './context.js';
import { kotlinCalls } from './kotlinCalls.js';
import { ktorRoutes } from './kotlinKtor.js';
import { kotlinMain, springEntryPoints } from './kotlinSpring.js';
import { KT_TYPES } from './kotlinSyntax.js';

export const kotlin: Family = {
  types: KT_TYPES,
  entryPoints(ctx, out) {
    kotlinMain(ctx, out);
    springEntryPoints(ctx, out);
    ktorRoutes(ctx, out);
  },
  calls: kotlinCalls,
};
