// A Go interface method's references, through the occurrence pass, the real Backend and a real SQLite file: the calls
// through the interface and the calls on every type that has all of the interface's methods (as gopls counts them),
// not on a type that has only some.
import { describe, expect, it } from 'vitest';
import { useIndexedTrees } from '../helpers/indexedTrees.js';
import { navAsk } from '../helpers/navAsk.js';
import { placeOf as at } from '../helpers/sourcePlace.js';

const STORE = `package store

type Store interface {
	Get(key string) string
	Keys() []string
}

type Memory struct{}

func (m *Memory) Get(key string) string { return key }

func (m *Memory) Keys() []string { return nil }

type Partial struct{}

func (p *Partial) Get(key string) string { return key }
`;

const USE = `package app

import "example.com/demo/store"

func use(s store.Store, m *store.Memory, p *store.Partial) string {
	return s.Get("a") + m.Get("b") + p.Get("c")
}
`;

const TREE: Record<string, string> = { 'go.mod': 'module example.com/demo\n\ngo 1.21\n', 'store/store.go': STORE, 'app/use.go': USE };

describe('Go interface methods', () => {
  const index = useIndexedTrees('clew-nav-go-interfaces', [TREE]);
  const { def, refs } = navAsk(index);
  const place = (line: number, name: string, nth = 1): string => `app/use.go:${at(USE, line, name, nth).join(':')}`;

  it('references of an interface method are its calls through the interface and on the types that implement all of it', async () => {
    expect((await refs('store/store.go', at(STORE, 4, 'Get'))).filter((r) => r.endsWith(' call'))).toEqual([`${place(6, 'Get')} call`, `${place(6, 'Get', 2)} call`]);
    // Go to definition still answers each call's own method.
    expect(await def('app/use.go', at(USE, 6, 'Get', 2))).toEqual(['store/store.go:10:18 exact']);
    expect(await def('app/use.go', at(USE, 6, 'Get', 3))).toEqual(['store/store.go:16:19 exact']);
  });
});
