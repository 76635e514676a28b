// A parse worker: prepares files (read, hash, parse) so the writer thread only writes.
import { serve } from '../base/rpc/server.js';
import type { ParseProtocol } from './parsePool.js';
import { prepareFile } from './prepareFile.js';

await serve<ParseProtocol, null>(() => ({ ready: null, handlers: { prepare: prepareFile } }));
