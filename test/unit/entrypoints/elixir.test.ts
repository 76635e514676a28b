import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../../electron/engine/analyze.js';
import { analyze, call, ep, http } from './helpers.js';

const phx = (method: string, path: string, line: number, handler: string | null): ReturnType<typeof http> => http('phoenix', method, path, line, null, handler);

describe('Phoenix router', () => {
  it('reads verbs, scopes with path and alias prefixes, resources, live routes, match and forward', async () => {
    const src = `defmodule MyAppWeb.Router do
  use MyAppWeb, :router

  pipeline :browser do
    plug :accepts, ["html"]
  end

  scope "/", MyAppWeb do
    pipe_through :browser
    get "/", PageController, :home
    live "/dashboard", DashboardLive.Index, :index
    resources "/users", UserController
  end

  scope "/api", MyAppWeb.Api, as: :api do
    post("/login", SessionController, :create)
    resources "/posts", PostController, only: [:index, :show] do
      resources "/comments", CommentController, except: [:new, :edit, :update, :delete]
    end
    resources "/account", AccountController, singleton: true, only: [:show, :update]

    scope "/admin", Admin do
      delete "/cache", CacheController, :clear
    end
  end

  scope path: "/hooks", alias: MyAppWeb do
    match :*, "/stripe", StripeController, :receive
    forward "/graphql", Absinthe.Plug, [schema: MyAppWeb.Schema], alias: false
  end

  if Mix.env() in [:dev, :test] do
    scope "/dev" do
      live_session :dev do
        live "/mailbox", Plug.Swoosh.MailboxPreview
      end
    end
  end

  def helper do
    get "/not-a-route", NopeController, :nope
  end
end
`;
    const r = await analyze('elixir', 'lib/my_app_web/router.ex', src);
    expect(r.entryPoints).toEqual([
      phx('GET', '/', 10, 'MyAppWeb.PageController.home'),
      phx('GET', '/dashboard', 11, 'MyAppWeb.DashboardLive.Index.mount'),
      // Phoenix's order: index, edit, new, show, create, update (PATCH and PUT), delete.
      phx('GET', '/users', 12, 'MyAppWeb.UserController.index'),
      phx('GET', '/users/:id/edit', 12, 'MyAppWeb.UserController.edit'),
      phx('GET', '/users/new', 12, 'MyAppWeb.UserController.new'),
      phx('GET', '/users/:id', 12, 'MyAppWeb.UserController.show'),
      phx('POST', '/users', 12, 'MyAppWeb.UserController.create'),
      phx('PATCH', '/users/:id', 12, 'MyAppWeb.UserController.update'),
      phx('PUT', '/users/:id', 12, 'MyAppWeb.UserController.update'),
      phx('DELETE', '/users/:id', 12, 'MyAppWeb.UserController.delete'),
      phx('POST', '/api/login', 16, 'MyAppWeb.Api.SessionController.create'),
      phx('GET', '/api/posts', 17, 'MyAppWeb.Api.PostController.index'),
      phx('GET', '/api/posts/:id', 17, 'MyAppWeb.Api.PostController.show'),
      // Nested under the parent's member, its param named after the controller.
      phx('GET', '/api/posts/:post_id/comments', 18, 'MyAppWeb.Api.CommentController.index'),
      phx('GET', '/api/posts/:post_id/comments/:id', 18, 'MyAppWeb.Api.CommentController.show'),
      phx('POST', '/api/posts/:post_id/comments', 18, 'MyAppWeb.Api.CommentController.create'),
      // A singleton: no index, no :id.
      phx('GET', '/api/account', 20, 'MyAppWeb.Api.AccountController.show'),
      phx('PATCH', '/api/account', 20, 'MyAppWeb.Api.AccountController.update'),
      phx('PUT', '/api/account', 20, 'MyAppWeb.Api.AccountController.update'),
      phx('DELETE', '/api/admin/cache', 23, 'MyAppWeb.Api.Admin.CacheController.clear'),
      phx('ANY', '/hooks/stripe', 28, 'MyAppWeb.StripeController.receive'),
      phx('ANY', '/hooks/graphql', 29, 'Absinthe.Plug'),
      phx('GET', '/dev/mailbox', 35, 'Plug.Swoosh.MailboxPreview.mount'),
    ]);
  });

  it('reads resources options (param, name, alias) and interpolated paths', async () => {
    const src = `defmodule Shop.Router do
  use Phoenix.Router
  scope "/v#{@version}", ShopWeb do
    resources "/people", PersonController, only: [:show], param: "slug", alias: Media do
      resources "/photos", PhotoController, only: [:index]
    end
    resources "/orgs", OrgController, only: [], name: "team" do
      get "/stats", StatsController, :show
    end
  end
end
`;
    const r = await analyze('elixir', 'lib/shop/router.ex', src);
    expect(r.entryPoints).toEqual([
      phx('GET', '/v#{@version}/people/:slug', 4, 'ShopWeb.PersonController.show'),
      // The resource's `alias:` prefixes controllers nested in it, not the resource's own.
      phx('GET', '/v#{@version}/people/:person_slug/photos', 5, 'ShopWeb.Media.PhotoController.index'),
      phx('GET', '/v#{@version}/orgs/:team_id/stats', 8, 'ShopWeb.StatsController.show'),
    ]);
  });

  it('reads no routes outside a router module', async () => {
    const src = `defmodule MyApp.Client do
  import Req
  def fetch do
    get "/users/:id", UserController, :show
    resources "/users", UserController
  end
end

defmodule MyAppWeb.PageController do
  use MyAppWeb, :controller
  get "/x", PageController, :x
end
`;
    expect((await analyze('elixir', 'lib/my_app/client.ex', src)).entryPoints).toEqual([]);
  });
});

describe('Plug.Router', () => {
  it('reads verb blocks, to: plugs, match via and forward; not a catch-all match', async () => {
    const src = `defmodule MyApp.Api do
  use Plug.Router
  plug :match
  plug :dispatch

  get "/hello" do
    send_resp(conn, 200, "world")
  end

  post "/upload", to: MyApp.UploadPlug
  match "/items", via: [:put, :patch] do
    send_resp(conn, 204, "")
  end
  forward "/users", to: MyApp.UsersRouter

  match _ do
    send_resp(conn, 404, "oops")
  end
end
`;
    const r = await analyze('elixir', 'lib/my_app/api.ex', src);
    expect(r.entryPoints).toEqual([
      http('plug', 'GET', '/hello', 6),
      http('plug', 'POST', '/upload', 10, null, 'MyApp.UploadPlug'),
      http('plug', 'PUT', '/items', 11),
      http('plug', 'PATCH', '/items', 11),
      http('plug', 'ANY', '/users', 14, null, 'MyApp.UsersRouter'),
    ]);
  });
});

describe('Elixir jobs and mains', () => {
  it('reads Oban workers (on perform, else process or the module) and Mix tasks (on run)', async () => {
    const src = `defmodule MyApp.Workers.Email do
  use Oban.Worker, queue: :events, max_attempts: 3

  @impl Oban.Worker
  def perform(%Oban.Job{args: args}), do: MyApp.Mailer.deliver(args)
end

defmodule MyApp.Workers.Report do
  use Oban.Pro.Worker, queue: "reports"

  @impl true
  def process(job), do: :ok
end

defmodule MyApp.Workers.Bare do
  use Oban.Worker
end

defmodule Mix.Tasks.MyApp.SyncHTTPData do
  use Mix.Task
  @shortdoc "Syncs"
  def run(args) do
    Mix.Task.run("app.start")
  end
end

defmodule MyApp.NotAWorker do
  def perform(_), do: :ok
  def run(_), do: :ok
end
`;
    const r = await analyze('elixir', 'lib/my_app/workers.ex', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'listener', framework: 'oban', queue: 'events', symbol: 'perform', line: 1 }),
      ep({ kind: 'listener', framework: 'oban', queue: 'reports', symbol: 'process', line: 8 }),
      ep({ kind: 'listener', framework: 'oban', symbol: 'MyApp.Workers.Bare', line: 15 }),
      ep({ kind: 'main', framework: 'mix', queue: 'my_app.sync_http_data', symbol: 'run', line: 19 }),
    ]);
  });

  it('reads Oban cron entries and Quantum jobs from config', async () => {
    const src = `import Config

config :my_app, Oban,
  repo: MyApp.Repo,
  plugins: [
    {Oban.Plugins.Cron,
     crontab: [
       {"* * * * *", MyApp.MinuteWorker},
       {"0 2 * * *", MyApp.NightlyWorker, args: %{full: true}},
       {"@daily", MyApp.Workers.Cleanup}
     ]}
  ]

config :my_app, MyApp.Scheduler,
  jobs: [
    {"*/15 * * * *", {MyApp.Heartbeat, :send, []}},
    {~e[*/30]e, &MyApp.Backup.run/0},
    {"@reboot", fn -> :ok end},
    digest: [schedule: "@weekly", task: {MyApp.Digest, :send, [:all]}]
  ]

config :my_app, :other, jobs: ["not", "a", "schedule"]
`;
    const r = await analyze('elixir', 'config/config.exs', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'schedule', framework: 'oban', schedule: '* * * * *', handler: 'MyApp.MinuteWorker.perform', line: 8 }),
      ep({ kind: 'schedule', framework: 'oban', schedule: '0 2 * * *', handler: 'MyApp.NightlyWorker.perform', line: 9 }),
      ep({ kind: 'schedule', framework: 'oban', schedule: '@daily', handler: 'MyApp.Workers.Cleanup.perform', line: 10 }),
      ep({ kind: 'schedule', framework: 'quantum', schedule: '*/15 * * * *', handler: 'MyApp.Heartbeat.send', line: 16 }),
      ep({ kind: 'schedule', framework: 'quantum', schedule: '*/30', handler: 'MyApp.Backup.run', line: 17 }),
      ep({ kind: 'schedule', framework: 'quantum', schedule: '@reboot', line: 18 }),
      ep({ kind: 'schedule', framework: 'quantum', schedule: '@weekly', handler: 'MyApp.Digest.send', line: 19 }),
    ]);
  });

  it('reads an escript main from mix.exs, only there', async () => {
    const src = `defmodule MyCli.MixProject do
  use Mix.Project

  def project do
    [app: :my_cli, version: "0.1.0", escript: [main_module: MyCli.CLI], deps: deps()]
  end
end
`;
    expect((await analyze('elixir', 'mix.exs', src)).entryPoints).toEqual([
      ep({ kind: 'main', framework: 'escript', queue: 'my_cli', handler: 'MyCli.CLI.main', line: 5 }),
    ]);
    expect((await analyze('elixir', 'lib/other.ex', src)).entryPoints).toEqual([]);
  });
});

describe('Elixir external calls', () => {
  it('reads HTTP clients (also piped) and raw SQL through Ecto and Postgrex', async () => {
    const src = `defmodule MyApp.Sync do
  alias Ecto.Adapters.SQL

  def fetch(id) do
    HTTPoison.get!("https://api.example.com/users/#{id}")
    "https://piped.example.com" |> HTTPoison.post(body)
    Req.get!(url: "https://req.example.com/a")
    Req.new(base_url: "https://base.example.com") |> Req.get!(url: "/x")
    Tesla.get(client, "/tesla")
    Finch.build(:get, "https://finch.example.com/" <> path) |> Finch.request(MyFinch)
    HTTPoison.request(:delete, "https://api.example.com/x")
  end

  def store do
    MyApp.Repo.query!("SELECT * FROM accounts WHERE id = $1", [1])
    SQL.query(Repo, "UPDATE orders SET state = 'x'")
    Postgrex.query(conn, "DELETE FROM sessions", [])
    Repo.query(sql, [])
    Repo.query("not sql")
    Repo.all(User)
  end
end
`;
    const r = await analyze('elixir', 'lib/my_app/sync.ex', src);
    expect(r.calls).toEqual([
      call('fetch', 'http', 'HTTPoison', 'https://api.example.com/users/', 5),
      call('fetch', 'http', 'HTTPoison', 'https://piped.example.com', 6),
      call('fetch', 'http', 'Req', 'https://req.example.com/a', 7),
      call('fetch', 'http', 'Req', 'https://base.example.com', 8),
      call('fetch', 'http', 'Req', '/x', 8),
      call('fetch', 'http', 'Tesla', '/tesla', 9),
      call('fetch', 'http', 'Finch', 'https://finch.example.com/', 10),
      call('fetch', 'http', 'HTTPoison', 'https://api.example.com/x', 11),
      call('store', 'sql', 'Ecto', 'accounts', 15),
      call('store', 'sql', 'Ecto', 'orders', 16),
      call('store', 'sql', 'Postgrex', 'sessions', 17),
      call('store', 'sql', 'Ecto', null, 18),
    ]);
    expect(r.entryPoints).toEqual([]);
  });
});

describe('Elixir robustness', () => {
  it('never throws on half-typed code', async () => {
    const src = `defmodule MyAppWeb.Router do
  use MyAppWeb, :router
  scope "/api", MyAppWeb do
    get "/x", PageController,
    resources "/users", UserController, only: [:index
    live "/l",
defmodule W do
  use Oban.Worker, queue:
  def perform(
config :a, Oban, crontab: [{"* * * * *"}, {MyApp.W}
HTTPoison.get!(
Repo.query(`;
    const first = await analyzeFile('elixir', 'lib/router.ex', src);
    const second = await analyzeFile('elixir', 'lib/router.ex', src);
    expect(first.warnings).toEqual([]);
    expect(second.entryPoints).toEqual(first.entryPoints);
    expect(second.calls).toEqual(first.calls);
    const empty = await analyzeFile('elixir', 'empty.ex', '');
    expect([empty.entryPoints, empty.calls]).toEqual([[], []]);
  });
});
