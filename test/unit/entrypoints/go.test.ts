import { describe, expect, it } from 'vitest';
import { detectEntryPoints, detectExternalCalls } from '../../../electron/engine/entrypoints/index.js';
import { extractSymbols } from '../../../electron/engine/parsers/symbols.js';
import { parse } from '../../../electron/engine/parsers/treeSitter.js';
import { analyze, call, ep, http } from './helpers.js';

describe('Go routes and mains', () => {
  it('reads gin routes with nested groups, and func main', async () => {
    const src = `package main

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func main() {
	r := gin.Default()
	api := r.Group("/api")
	v1 := api.Group("/v1")
	{
		v1.GET("/users/:id", getUser)
		v1.POST("/users", h.CreateUser)
	}
	r.Any("/proxy/*path", func(c *gin.Context) {})
	r.Handle("PUT", "/items/:id", updateItem)
	r.GET("/health", func(c *gin.Context) { c.String(http.StatusOK, "ok") })
	r.Run(":8080")
}

func getUser(c *gin.Context) {}
func updateItem(c *gin.Context) {}
`;
    const r = await analyze('go', 'cmd/api/main.go', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'main', framework: 'main', line: 9, symbol: 'main' }),
      http('gin', 'GET', '/api/v1/users/:id', 14, 'getUser', 'getUser'),
      // A method value defined elsewhere: the indexer links it by name, not the function registering it.
      http('gin', 'POST', '/api/v1/users', 15, null, 'h.CreateUser'),
      http('gin', 'ANY', '/proxy/*path', 17, 'main', null),
      http('gin', 'PUT', '/items/:id', 18, 'updateItem', 'updateItem'),
      http('gin', 'GET', '/health', 19, 'main', null),
    ]);
  });

  it('reads net/http patterns, including Go 1.22 method patterns, outside package main', async () => {
    const src = `package server

import "net/http"

func Routes(mux *http.ServeMux) {
	http.HandleFunc("/legacy", legacy)
	mux.HandleFunc("GET /items/{id}", getItem)
	mux.Handle("/static/", http.StripPrefix("/static/", fs))
}

func main() {}
func legacy(w http.ResponseWriter, r *http.Request) {}
func getItem(w http.ResponseWriter, r *http.Request) {}
`;
    const r = await analyze('go', 'internal/server/routes.go', src);
    expect(r.entryPoints).toEqual([
      http('net/http', 'ANY', '/legacy', 6, 'legacy', 'legacy'),
      http('net/http', 'GET', '/items/{id}', 7, 'getItem', 'getItem'),
      http('net/http', 'ANY', '/static/', 8, 'Routes', 'fs'),
    ]);
  });

  it('reads chi routes with Route closures and Mount-free groups', async () => {
    const src = `package api

import "github.com/go-chi/chi/v5"

func NewRouter() chi.Router {
	r := chi.NewRouter()
	r.Get("/", index)
	r.Route("/articles", func(r chi.Router) {
		r.Post("/", createArticle)
		r.Route("/{id}", func(r chi.Router) {
			r.Get("/", getArticle)
			r.Method("PATCH", "/", patchArticle)
		})
	})
	r.Group(func(r chi.Router) {
		r.Delete("/session", logout)
	})
	r.With(auth).Put("/profile", saveProfile)
	return r
}
`;
    const r = await analyze('go', 'api/router.go', src);
    expect(r.entryPoints).toEqual([
      http('chi', 'GET', '/', 7, null, 'index'),
      http('chi', 'POST', '/articles', 9, null, 'createArticle'),
      http('chi', 'GET', '/articles/{id}', 11, null, 'getArticle'),
      http('chi', 'PATCH', '/articles/{id}', 12, null, 'patchArticle'),
      http('chi', 'DELETE', '/session', 16, null, 'logout'),
      http('chi', 'PUT', '/profile', 18, null, 'saveProfile'),
    ]);
  });

  it('reads gorilla/mux methods and subrouters, and echo groups', async () => {
    const gorilla = `package web

import "github.com/gorilla/mux"

func (s *Server) routes() {
	s.router = mux.NewRouter()
	api := s.router.PathPrefix("/api").Subrouter()
	api.HandleFunc("/users", s.listUsers).Methods("GET", "POST")
	s.router.HandleFunc("/", s.home)
}
`;
    const g = await analyze('go', 'web/routes.go', gorilla);
    expect(g.entryPoints).toEqual([
      http('gorilla', 'GET', '/api/users', 8, null, 's.listUsers'),
      http('gorilla', 'POST', '/api/users', 8, null, 's.listUsers'),
      http('gorilla', 'ANY', '/', 9, null, 's.home'),
    ]);
    const echo = `package main

import "github.com/labstack/echo/v4"

func main() {
	e := echo.New()
	admin := e.Group("/admin")
	admin.DELETE("/cache", clearCache)
}
`;
    const e = await analyze('go', 'main.go', echo);
    expect(e.entryPoints).toEqual([
      ep({ kind: 'main', framework: 'main', line: 5, symbol: 'main' }),
      http('echo', 'DELETE', '/admin/cache', 8, null, 'clearCache'),
    ]);
  });

  it('reads paths held in constants, joined by +, or passed through a path helper, and method values defined here', async () => {
    // nats-server's monitoring routes: mux.HandleFunc(s.basePath(VarzPath), s.HandleVarz).
    const src = `package server

import "net/http"

const (
	RootPath = "/"
	VarzPath = "/varz"
	apiPrefix = "/api"
	numbered = iota
)

var healthPath = apiPrefix + "/health"

func (s *Server) startMonitoring() {
	mux := http.NewServeMux()
	mux.HandleFunc(s.basePath(RootPath), s.HandleRoot)
	mux.HandleFunc(s.basePath(VarzPath), s.HandleVarz)
	mux.HandleFunc(s.basePath("/subscriptionsz"), s.HandleSubsz)
	mux.HandleFunc(healthPath, s.health)
	mux.HandleFunc((apiPrefix + "/v1"), s.health)
	mux.HandleFunc(fmt.Sprintf("/users/%d", id), s.health)
	mux.HandleFunc(fmt.Sprintf("%s/x", "/api"), s.health)
	mux.HandleFunc(strings.TrimSuffix(prefix, "/"), s.health)
	mux.HandleFunc(s.prefix+"/x", s.health)
	kh := &keysHandler{sec: 1}
	mux.Handle(apiPrefix+"/keys", kh)
	mah := machinesHandler{}
	mux.Handle("/machines", mah)
}

type keysHandler struct{ sec int }

func (h *keysHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {}

func (s *Server) HandleVarz(w http.ResponseWriter, r *http.Request) {}
func (s *Server) basePath(p string) string { return path.Join(s.httpBasePath, p) }
`;
    const r = await analyze('go', 'server/server.go', src);
    expect(r.entryPoints).toEqual([
      http('net/http', 'ANY', '/', 16, null, 's.HandleRoot'),
      http('net/http', 'ANY', '/varz', 17, 'HandleVarz', 's.HandleVarz'),
      http('net/http', 'ANY', '/subscriptionsz', 18, null, 's.HandleSubsz'),
      http('net/http', 'ANY', '/api/health', 19, null, 's.health'),
      http('net/http', 'ANY', '/api/v1', 20, null, 's.health'),
      // A variable bound to a handler value: its type's ServeHTTP, here or (machinesHandler) linked across files.
      http('net/http', 'ANY', '/api/keys', 26, 'ServeHTTP', 'keysHandler.ServeHTTP'),
      http('net/http', 'ANY', '/machines', 28, null, 'machinesHandler.ServeHTTP'),
    ]);
  });

  it('reads cron jobs and Kafka/AMQP consumers', async () => {
    const src = `package worker

import (
	"github.com/robfig/cron/v3"
	"github.com/segmentio/kafka-go"
	amqp "github.com/rabbitmq/amqp091-go"
)

func Start(ch *amqp.Channel) {
	c := cron.New()
	c.AddFunc("@every 1h", cleanup)
	reader := kafka.NewReader(kafka.ReaderConfig{Brokers: brokers, Topic: "events", GroupID: "g"})
	msgs, _ := ch.Consume("jobs", "", false, false, false, false, nil)
}

func cleanup() {}
`;
    const r = await analyze('go', 'worker/worker.go', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'schedule', framework: 'cron', schedule: '@every 1h', line: 11, symbol: 'cleanup', handler: 'cleanup' }),
      ep({ kind: 'listener', framework: 'kafka', queue: 'events', line: 12, symbol: 'Start' }),
      ep({ kind: 'listener', framework: 'rabbitmq', queue: 'jobs', line: 13, symbol: 'Start' }),
    ]);
  });
});

describe('Go external calls', () => {
  it('recognises net/http, SQL, go-redis, producers and Mongo', async () => {
    const src = `package store

import (
	"context"
	"database/sql"
	"net/http"

	"github.com/IBM/sarama"
	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/mongo"
)

func (s *Store) Load(ctx context.Context, id string) error {
	resp, err := http.Get("https://catalog.internal/items/" + id)
	req, _ := http.NewRequestWithContext(ctx, "POST", "https://audit.internal/log", nil)
	row := s.db.QueryRowContext(ctx, "SELECT name FROM items WHERE id = $1", id)
	s.db.Exec(\`INSERT INTO audit (id) VALUES ($1)\`, id)
	s.rdb.Set(ctx, "item:"+id, "1", 0)
	s.client.Database("shop").Collection("orders").FindOne(ctx, nil)
	msg := &sarama.ProducerMessage{Topic: "item-loaded"}
	cache.Get("not-redis")
	return nil
}
`;
    const r = await analyze('go', 'store/store.go', src);
    expect(r.calls).toEqual([
      call('Load', 'http', 'net/http', 'https://catalog.internal/items/', 14),
      call('Load', 'http', 'net/http', 'https://audit.internal/log', 15),
      call('Load', 'sql', 'database/sql', 'items', 16),
      call('Load', 'sql', 'database/sql', 'audit', 17),
      call('Load', 'redis', 'go-redis', 'item:', 18),
      call('Load', 'mongo', 'mongo-driver', 'orders', 19),
      call('Load', 'queue', 'sarama', 'item-loaded', 20),
    ]);
  });
});

describe('Go text hints', () => {
  // Each case holds one hint and nothing else a hint matches: dropping that hint loses its call.
  it.each([
    ['SQL in a raw string starting on the next line', 's.db.Query(`\n\t\tSELECT * FROM orders WHERE id = $1`, id)', call('Load', 'sql', 'database/sql', 'orders', 4)],
    ['SQL in a concatenation', 's.db.Exec("(" + "SELECT 1 FROM t")', call('Load', 'sql', 'database/sql', 't', 4)],
    ['a DAO field', 's.orderDAO.Insert(o)', call('Load', 'data-access', 'orderDAO', 'Insert', 4)],
    ['a variable named repo', 'repo.Save(x)', call('Load', 'data-access', 'repo', 'Save', 4)],
  ])('finds calls with no client import: %s', async (_, line, expected) => {
    const src = `package store\n\nfunc (s *Store) Load(id int) {\n\t${line}\n}\n`;
    expect((await analyze('go', 'store/load.go', src)).calls).toEqual([expected]);
  });

  it('never walks a file that imports no router, job or client library and holds no SQL or repository call', async () => {
    const src = `package util

import (
	"fmt"
	"strings"
)

func Join(parts []string) string {
	out := strings.Join(parts, "/")
	fmt.Println("created", out)
	cache.Get("/users")
	return out
}
`;
    const tree = await parse('go', src);
    try {
      const root = tree.rootNode;
      let walks = 0;
      const walk = root.descendantsOfType.bind(root);
      root.descendantsOfType = (...args: Parameters<typeof walk>) => (walks++, walk(...args));
      const symbols = extractSymbols('go', root, src, 'util/join.go');
      expect([detectEntryPoints('go', root, src, 'util/join.go', symbols), detectExternalCalls('go', root, src, symbols), walks]).toEqual([[], [], 0]);
    } finally {
      tree.delete();
    }
  });
});
