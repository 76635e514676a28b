// The navigation verbs as the renderer calls them. Until the Backend's nav:* channels are in
// shared/contract.ts, this types them from shared/nav.ts and sends them through the same invoke.
import { call as callOn, type InvokeChannel } from '../shared/contract.js';
import type { CallTreeNode, DefinitionHit, FlowAnswer, NavPosition, ReferencesAnswer, TreeEntry } from '../shared/nav.js';
import { api } from './api.js';

export interface NavVerbs {
  'nav:def': { req: NavPosition; res: DefinitionHit[] };
  'nav:refs': { req: { repo: string; fqn?: string; position?: NavPosition; limit?: number }; res: ReferencesAnswer };
  'nav:callers': { req: { repo: string; fqn: string; depth?: number }; res: CallTreeNode | null };
  'nav:callees': { req: { repo: string; fqn: string; depth?: number }; res: CallTreeNode | null };
  'nav:flow': { req: { repo: string; entry: string; depth?: number }; res: FlowAnswer | null };
  'nav:tree': { req: { repo: string; path?: string }; res: TreeEntry[] };
}

export const navCall = <C extends keyof NavVerbs>(channel: C, req: NavVerbs[C]['req']): Promise<NavVerbs[C]['res']> =>
  callOn(api(), channel as unknown as InvokeChannel, req as never) as unknown as Promise<NavVerbs[C]['res']>;
