// A NavService on its own read connection whose resolvers note every place they are asked to resolve, and every
// place whose same-named candidates they rank (the last step of resolving a receiver no scope or import defines).
import { NavService } from '../../electron/core/nav/navService.js';
import type { Resolver } from '../../electron/core/nav/resolver.js';
import { openRead } from '../../electron/db/connection.js';

export function countingNav(dbFile: string): { nav: NavService; asked: string[]; guessed: string[] } {
  const nav = new NavService(openRead(dbFile));
  const asked: string[] = [];
  const guessed: string[] = [];
  const make = nav.resolver.bind(nav);
  nav.resolver = (repoId: number): Resolver => {
    const resolver = make(repoId);
    const resolve = resolver.resolve.bind(resolver);
    resolver.resolve = (occ) => {
      asked.push(`${occ.path}:${occ.line}:${occ.col}`);
      return resolve(occ);
    };
    const candidates = resolver.candidates.bind(resolver);
    resolver.candidates = (occ, member) => {
      guessed.push(`${occ.path} ${occ.name}`);
      return candidates(occ, member);
    };
    return resolver;
  };
  return { nav, asked, guessed };
}
