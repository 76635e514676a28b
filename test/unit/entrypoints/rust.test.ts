import { describe, expect, it } from 'vitest';
import { analyze, call, ep, http } from './helpers.js';

describe('Rust entry points', () => {
  it('reads axum routers with method chains and nest prefixes, and fn main', async () => {
    const src = `use axum::{routing::{get, post}, Router};

fn api_routes() -> Router {
    Router::new()
        .route("/users", get(list_users).post(create_user))
        .route("/users/:id", axum::routing::delete(remove_user))
}

#[tokio::main]
async fn main() {
    let app = Router::new()
        .route("/", get(root))
        .nest("/api", api_routes())
        .nest("/v2", Router::new().route("/items/:id", get(handlers::item)));
    axum::serve(listener, app).await.unwrap();
}

async fn root() -> &'static str { "ok" }
async fn list_users() {}
async fn create_user() {}
async fn remove_user() {}
`;
    const r = await analyze('rust', 'src/main.rs', src);
    expect(r.entryPoints).toEqual([
      http('axum', 'GET', '/api/users', 5, 'list_users', 'list_users'),
      http('axum', 'POST', '/api/users', 5, 'create_user', 'create_user'),
      http('axum', 'DELETE', '/api/users/:id', 6, 'remove_user', 'remove_user'),
      ep({ kind: 'main', framework: 'main', line: 10, symbol: 'main' }),
      http('axum', 'GET', '/', 12, 'root', 'root'),
      http('axum', 'GET', '/v2/items/:id', 14, 'main', 'handlers::item'),
    ]);
  });

  it('reads actix-web macros, resources and scopes', async () => {
    const src = `use actix_web::{get, post, route, web, App, HttpServer};

#[get("/hello/{name}")]
async fn greet(name: web::Path<String>) -> String { name.into_inner() }

#[route("/multi", method = "GET", method = "HEAD")]
async fn multi() -> &'static str { "" }

pub fn config(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/admin")
            .service(web::resource("/stats").route(web::get().to(stats)))
            .route("/flush", web::post().to(flush)),
    );
    cfg.service(web::resource("/echo").to(echo));
}

async fn stats() {}
async fn flush() {}
async fn echo() {}
`;
    const r = await analyze('rust', 'src/routes.rs', src);
    expect(r.entryPoints).toEqual([
      http('actix', 'GET', '/hello/{name}', 3, 'greet'),
      http('actix', 'GET', '/multi', 6, 'multi'),
      http('actix', 'HEAD', '/multi', 6, 'multi'),
      http('actix', 'GET', '/admin/stats', 12, 'stats', 'stats'),
      http('actix', 'POST', '/admin/flush', 13, 'flush', 'flush'),
      http('actix', 'ANY', '/echo', 15, 'echo', 'echo'),
    ]);
  });

  it('finds fn main only in binary targets, and Kafka consumers', async () => {
    const lib = `fn main() {}\n`;
    expect((await analyze('rust', 'src/lib.rs', lib)).entryPoints).toEqual([]);
    expect((await analyze('rust', 'src/bin/tool.rs', lib)).entryPoints).toEqual([ep({ kind: 'main', framework: 'main', line: 1, symbol: 'main' })]);
    const consumer = `use rdkafka::consumer::{Consumer, StreamConsumer};

fn run(consumer: StreamConsumer) {
    consumer.subscribe(&["orders", "refunds"]).expect("subscribe");
}
`;
    expect((await analyze('rust', 'src/consumer.rs', consumer)).entryPoints).toEqual([
      ep({ kind: 'listener', framework: 'kafka', queue: 'orders,refunds', line: 4, symbol: 'run' }),
    ]);
  });
});

describe('Rust external calls', () => {
  it('recognises reqwest, sqlx, redis and rdkafka', async () => {
    const src = `use rdkafka::producer::FutureRecord;

async fn sync(client: &reqwest::Client, pool: &PgPool, con: &mut redis::Connection, id: i64) {
    let body = reqwest::get("https://status.internal/health").await?;
    let res = client.post(format!("https://crm.internal/users/{}", id)).json(&id).send().await?;
    let user = sqlx::query_as::<_, User>("SELECT * FROM users WHERE id = $1").bind(id).fetch_one(pool).await?;
    sqlx::query!("UPDATE accounts SET synced = true WHERE id = $1", id).execute(pool).await?;
    let _: () = con.set("user:last", id)?;
    let record = FutureRecord::to("user-synced").payload("x").key("k");
    let cached = map.get("not-a-request");
}
`;
    const r = await analyze('rust', 'src/sync.rs', src);
    expect(r.calls).toEqual([
      call('sync', 'http', 'reqwest', 'https://status.internal/health', 4),
      call('sync', 'http', 'reqwest', 'https://crm.internal/users/', 5),
      call('sync', 'sql', 'sqlx', 'users', 6),
      call('sync', 'sql', 'sqlx', 'accounts', 7),
      call('sync', 'redis', 'redis-rs', 'user:last', 8),
      call('sync', 'queue', 'rdkafka', 'user-synced', 9),
    ]);
  });
});
