// Go routes as nats-server registers its monitoring endpoints: the path in a constant, passed through a helper that
// adds a base path, the handler a method value defined in another file. The route is listed with that method as its
// handler (linked across files by the indexer), and its flow starts there. A variable holding a handler value serves
// through its type's ServeHTTP, not another type's.
import { describe, expect, it } from 'vitest';
import { call } from '../helpers/backend.js';
import { useIndexedTrees } from '../helpers/indexedTrees.js';

const TREE = {
  'go.mod': 'module example.com/mon\n\ngo 1.21\n',
  'server/server.go': `package server

import (
	"net/http"
	"path"
)

const (
	RootPath = "/"
	VarzPath = "/varz"
)

type Server struct{ httpBasePath string }

func (s *Server) basePath(p string) string { return path.Join(s.httpBasePath, p) }

func (s *Server) startMonitoring() {
	mux := http.NewServeMux()
	mux.HandleFunc(s.basePath(RootPath), s.HandleRoot)
	mux.HandleFunc(s.basePath(VarzPath), s.HandleVarz)
	kh := &keysHandler{}
	mux.Handle("/v2/keys", kh)
}
`,
  'server/keys.go': `package server

import "net/http"

type keysHandler struct{}

func (h *keysHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

type otherHandler struct{}

func (h *otherHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {}
`,
  'server/monitor.go': `package server

import "net/http"

func (s *Server) HandleRoot(w http.ResponseWriter, r *http.Request) {}

func (s *Server) HandleVarz(w http.ResponseWriter, r *http.Request) {
	s.createVarz()
}

func (s *Server) createVarz() {}
`,
};

describe('Go routes with constant paths and method-value handlers', () => {
  const index = useIndexedTrees('clew-goroutes', [TREE]);

  it('lists each route by its constant path, with the method it names as the handler', async () => {
    const entries = await call(index.backend, 'entrypoints:list', { repo: index.repo.path, kind: 'http' });
    expect(entries.map((e) => `${e.method} ${e.path} → ${e.symbol} (${e.file}:${e.line})`).sort()).toEqual([
      'ANY / → server:server.Server.HandleRoot (server/server.go:19)',
      'ANY /v2/keys → server:server.keysHandler.ServeHTTP (server/server.go:22)',
      'ANY /varz → server:server.Server.HandleVarz (server/server.go:20)',
    ]);
  });

  it('follows the route into its handler, by method or as ANY', async () => {
    for (const entry of ['GET /varz', 'ANY /varz', '/varz']) {
      const flow = await call(index.backend, 'nav:flow', { repo: index.repo.path, entry });
      expect(flow?.root?.fqn, entry).toBe('server:server.Server.HandleVarz');
      expect(flow?.root?.children.map((c) => c.fqn), entry).toEqual(['server:server.Server.createVarz']);
    }
  });
});
