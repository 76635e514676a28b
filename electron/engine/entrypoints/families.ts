// The language families, each pairing its node types with its two detectors.
import type { Family } from './context.js';
import { javaCalls } from './javaCalls.js';
import { javaEntryPoints } from './java.js';
import { JAVA_TYPES } from './javaSyntax.js';

export const java: Family = { types: JAVA_TYPES, entryPoints: javaEntryPoints, calls: javaCalls };

