import { describe, expect, it } from 'vitest';
import { expectParentsFirst, get, parentOf, symbolsOf } from './helpers.js';

const SERVER = `// Package server serves HTTP.
package server

import "net/http"

// ServeHTTP handles a request.
// It never panics.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	x := 1
	_ = x
}

// MaxConns bounds the pool.
const MaxConns = 10

const (
	// ModeA is the first mode.
	ModeA = iota
	ModeB
)

var defaultHandler = &Handler{}

// Handler routes requests.
type Handler struct {
	// Addr is where it listens.
	Addr   string \`json:"addr"\`
	a, b   int
	*Embedded
}

type Store interface {
	Get(id string) (*User, error)
}

type ID = string

func (Handler) Close() error { return nil }

func New[T any](v T) *Handler { return nil }
`;

describe('go symbols', () => {
  it('names symbols dir:pkg.Name and methods by receiver type', async () => {
    const symbols = await symbolsOf('go', 'internal/server/http.go', SERVER);
    expect(symbols.map((s) => `${s.kind} ${s.fqn}`)).toEqual([
      'constant internal/server:server.MaxConns',
      'constant internal/server:server.ModeA',
      'constant internal/server:server.ModeB',
      'variable internal/server:server.defaultHandler',
      'struct internal/server:server.Handler',
      'field internal/server:server.Handler.Addr',
      'field internal/server:server.Handler.a',
      'field internal/server:server.Handler.b',
      'field internal/server:server.Handler.Embedded',
      'interface internal/server:server.Store',
      'method internal/server:server.Store.Get',
      'type internal/server:server.ID',
      'method internal/server:server.Handler.Close',
      'function internal/server:server.New',
      // Declared before its receiver type: added once the type is known, so parents come first.
      'method internal/server:server.Handler.ServeHTTP',
    ]);
    expectParentsFirst(symbols);
    expect(parentOf(symbols, 'internal/server:server.Handler.ServeHTTP')).toBe('internal/server:server.Handler');
  });

  it('takes consecutive // lines above as the doc', async () => {
    const symbols = await symbolsOf('go', 'internal/server/http.go', SERVER);
    expect(get(symbols, 'internal/server:server.Handler.ServeHTTP')).toMatchObject({
      startLine: 8,
      endLine: 11,
      signature: 'func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request)',
      doc: 'ServeHTTP handles a request.\nIt never panics.',
      modifiers: [],
    });
    expect(get(symbols, 'internal/server:server.Handler')).toMatchObject({ startLine: 25, endLine: 30, signature: 'type Handler struct', doc: 'Handler routes requests.' });
    expect(get(symbols, 'internal/server:server.Handler.Addr')).toMatchObject({ signature: 'Addr string `json:"addr"`', doc: 'Addr is where it listens.' });
    expect(get(symbols, 'internal/server:server.ModeA')).toMatchObject({ startLine: 18, signature: 'const ModeA = iota', doc: 'ModeA is the first mode.' });
    expect(get(symbols, 'internal/server:server.MaxConns')).toMatchObject({ startLine: 14, doc: 'MaxConns bounds the pool.' });
  });

  it('declares each variable of a grouped var block, with the doc above it', async () => {
    const src = `package store

var (
	// ErrNotFound is returned for a missing key.
	ErrNotFound = errors.New("not found")
	mu, cache   = sync.Mutex{}, map[string]int{}
)
`;
    const symbols = await symbolsOf('go', 'store/errors.go', src);
    expect(symbols.map((s) => `${s.kind} ${s.fqn} ${s.startLine}`)).toEqual([
      'variable store:store.ErrNotFound 5',
      'variable store:store.mu 6',
      'variable store:store.cache 6',
    ]);
    expect(get(symbols, 'store:store.ErrNotFound')).toMatchObject({ signature: 'var ErrNotFound = errors.New("not found")', doc: 'ErrNotFound is returned for a missing key.' });
  });

  it('uses . for a file at the repository root', async () => {
    const symbols = await symbolsOf('go', 'main.go', 'package main\n\nfunc main() {}\n');
    expect(symbols.map((s) => s.fqn)).toEqual(['.:main.main']);
  });
});
