import { describe, expect, it } from 'vitest';
import { analyze, call, ep, http } from './helpers.js';

const rails = (method: string, path: string, line: number, handler: string | null): ReturnType<typeof http> => http('rails', method, path, line, null, handler);

describe('Rails routes', () => {
  it('reads verbs, hash rockets, match via, root, mount, namespace and scope modules', async () => {
    const src = `Rails.application.routes.draw do
  root 'home#index'
  get 'photos/search'
  get 'about', to: 'pages#about'
  post '/login' => 'sessions#create'
  match 'hooks/:id', :to => 'hooks#receive', :via => [:get, :post]
  match 'legacy', to: 'legacy#catch_all', via: :all
  get 'profile', controller: 'users', action: 'show'
  get '/health', to: HealthCheck
  mount Sidekiq::Web => '/sidekiq'

  namespace :admin do
    root to: 'dashboard#index'
    resources :users, except: [:destroy]
    get 'stats', to: 'stats#show'
  end

  scope module: 'api', path: 'api/v1' do
    resource :session, only: [:create, :destroy]
  end
end
`;
    const r = await analyze('ruby', 'config/routes.rb', src);
    expect(r.entryPoints).toEqual([
      rails('GET', '/', 2, 'HomeController#index'),
      rails('GET', '/photos/search', 3, 'PhotosController#search'),
      rails('GET', '/about', 4, 'PagesController#about'),
      rails('POST', '/login', 5, 'SessionsController#create'),
      rails('GET', '/hooks/:id', 6, 'HooksController#receive'),
      rails('POST', '/hooks/:id', 6, 'HooksController#receive'),
      rails('ANY', '/legacy', 7, 'LegacyController#catch_all'),
      rails('GET', '/profile', 8, 'UsersController#show'),
      rails('GET', '/health', 9, 'HealthCheck'),
      rails('ANY', '/sidekiq', 10, 'Sidekiq::Web'),
      rails('GET', '/admin', 13, 'Admin::DashboardController#index'),
      rails('GET', '/admin/users', 14, 'Admin::UsersController#index'),
      rails('POST', '/admin/users', 14, 'Admin::UsersController#create'),
      rails('GET', '/admin/users/new', 14, 'Admin::UsersController#new'),
      rails('GET', '/admin/users/:id/edit', 14, 'Admin::UsersController#edit'),
      rails('GET', '/admin/users/:id', 14, 'Admin::UsersController#show'),
      rails('PATCH', '/admin/users/:id', 14, 'Admin::UsersController#update'),
      rails('PUT', '/admin/users/:id', 14, 'Admin::UsersController#update'),
      rails('GET', '/admin/stats', 15, 'Admin::StatsController#show'),
      // A singular resource: no index, no :id, a plural controller.
      rails('POST', '/api/v1/session', 19, 'Api::SessionsController#create'),
      rails('DELETE', '/api/v1/session', 19, 'Api::SessionsController#destroy'),
    ]);
  });

  it('reads nested resources, member and collection routes, concerns, shallow nesting and route loops', async () => {
    const src = `Rails.application.routes.draw do
  concern :commentable do
    resources :comments, only: :index
  end

  resources :photos, only: [:index, :show], concerns: :commentable do
    member do
      get :preview
    end
    collection do
      get 'search'
    end
    post 'like', on: :member
    resources :tags, only: [:create]
  end

  resources :projects, only: [] do
    shallow do
      resources :issues, only: [:index, :show]
    end
  end

  %w(raw annotate).each do |action|
    get "files/#{action}", controller: 'files', action: action
  end
end
`;
    const r = await analyze('ruby', 'config/routes.rb', src);
    expect(r.entryPoints).toEqual([
      rails('GET', '/photos/:photo_id/comments', 3, 'CommentsController#index'),
      rails('GET', '/photos', 6, 'PhotosController#index'),
      rails('GET', '/photos/:id', 6, 'PhotosController#show'),
      rails('GET', '/photos/:id/preview', 8, 'PhotosController#preview'),
      rails('GET', '/photos/search', 11, 'PhotosController#search'),
      rails('POST', '/photos/:id/like', 13, 'PhotosController#like'),
      rails('POST', '/photos/:photo_id/tags', 14, 'TagsController#create'),
      rails('GET', '/projects/:project_id/issues', 19, 'IssuesController#index'),
      rails('GET', '/issues/:id', 19, 'IssuesController#show'),
      rails('GET', '/files/raw', 24, 'FilesController#raw'),
      rails('GET', '/files/annotate', 24, 'FilesController#annotate'),
    ]);
  });

  it('reads an excerpt of Redmine routes (hash rockets, :only, :except, shallow, :on)', async () => {
    const src = `Rails.application.routes.draw do
  root :to => 'welcome#index', :as => 'home'
  match 'account/twofa/confirm', :to => 'account#twofa_confirm', :via => :get
  match 'my/account', :controller => 'my', :action => 'account', :via => [:get, :put]
  delete 'issues/:object_id/watchers/:user_id' => 'watchers#destroy', :object_type => 'issue'
  resources :projects, :only => [:show] do
    member do
      get 'settings(/:tab)', :action => 'settings', :as => 'settings'
    end
    shallow do
      resources :memberships, :controller => 'members', :only => [:index, :destroy]
    end
    resources :time_entries, :controller => 'timelog', :except => [:show, :edit, :update, :destroy] do
      get 'report', :on => :collection
    end
  end
  constraints object_type: /(issues|news)/ do
    get 'attachments/:object_type/:object_id/edit', :to => 'attachments#edit_all'
  end
end
`;
    const r = await analyze('ruby', 'config/routes.rb', src);
    expect(r.entryPoints).toEqual([
      rails('GET', '/', 2, 'WelcomeController#index'),
      rails('GET', '/account/twofa/confirm', 3, 'AccountController#twofa_confirm'),
      rails('GET', '/my/account', 4, 'MyController#account'),
      rails('PUT', '/my/account', 4, 'MyController#account'),
      rails('DELETE', '/issues/:object_id/watchers/:user_id', 5, 'WatchersController#destroy'),
      rails('GET', '/projects/:id', 6, 'ProjectsController#show'),
      rails('GET', '/projects/:id/settings(/:tab)', 8, 'ProjectsController#settings'),
      rails('GET', '/projects/:project_id/memberships', 11, 'MembersController#index'),
      rails('DELETE', '/memberships/:id', 11, 'MembersController#destroy'),
      rails('GET', '/projects/:project_id/time_entries', 13, 'TimelogController#index'),
      rails('POST', '/projects/:project_id/time_entries', 13, 'TimelogController#create'),
      rails('GET', '/projects/:project_id/time_entries/new', 13, 'TimelogController#new'),
      rails('GET', '/projects/:project_id/time_entries/report', 14, 'TimelogController#report'),
      rails('GET', '/attachments/:object_type/:object_id/edit', 18, 'AttachmentsController#edit_all'),
    ]);
  });

  it('reads routes only in routes files: the same calls elsewhere are not routes', async () => {
    const src = `class Client
  def fetch
    get 'users/:id', to: 'users#show'
    resources :photos
  end
end
`;
    expect((await analyze('ruby', 'app/models/client.rb', src)).entryPoints).toEqual([]);
    // A file drawn into config/routes.rb by `draw :admin` holds the DSL without a draw block.
    const drawn = `namespace :admin do
  resources :reports, only: :index
end
`;
    expect((await analyze('ruby', 'config/routes/admin.rb', drawn)).entryPoints).toEqual([rails('GET', '/admin/reports', 2, 'Admin::ReportsController#index')]);
  });
});

describe('Sinatra and Grape', () => {
  it('reads classic Sinatra routes, not route calls inside methods', async () => {
    const src = `require 'sinatra'

get '/' do
  'home'
end

post '/items' do
  create_item
end

def helper
  get '/not-a-route' do end
end
`;
    const r = await analyze('ruby', 'app.rb', src);
    expect(r.entryPoints).toEqual([
      http('sinatra', 'GET', '/', 3),
      http('sinatra', 'POST', '/items', 7),
    ]);
  });

  it('reads modular Sinatra apps with sinatra-contrib namespaces', async () => {
    const src = `require 'sinatra/base'
require 'sinatra/namespace'

class Api < Sinatra::Base
  register Sinatra::Namespace

  get '/ping' do
    'pong'
  end

  namespace '/v1' do
    delete '/items/:id' do
      halt 204
    end
  end
end
`;
    const r = await analyze('ruby', 'lib/api.rb', src);
    expect(r.entryPoints).toEqual([
      http('sinatra', 'GET', '/ping', 7, 'Api'),
      http('sinatra', 'DELETE', '/v1/items/:id', 12, 'Api'),
    ]);
  });

  it('does not read a `get … do` block as Sinatra without Sinatra in the file', async () => {
    const src = `get '/' do
  'home'
end
`;
    expect((await analyze('ruby', 'script.rb', src)).entryPoints).toEqual([]);
  });

  it('reads Grape endpoints with prefix, path version, resources and route params', async () => {
    const src = `module Twitter
  class API < Grape::API
    version 'v1', using: :path
    prefix :api
    format :json

    resource :statuses do
      get :home_timeline do
        current_user.timeline
      end

      route_param :id do
        get do
          Status.find(params[:id])
        end
        put do
          update
        end
      end
    end
  end
end
`;
    const r = await analyze('ruby', 'app/api/twitter.rb', src);
    expect(r.entryPoints).toEqual([
      http('grape', 'GET', '/api/v1/statuses/home_timeline', 8, 'API'),
      http('grape', 'GET', '/api/v1/statuses/:id', 13, 'API'),
      http('grape', 'PUT', '/api/v1/statuses/:id', 16, 'API'),
    ]);
  });
});

describe('Ruby jobs, schedules and mains', () => {
  it('reads ActiveJob and Sidekiq workers with their queues, attached to perform', async () => {
    const src = `class ReportJob < ApplicationJob
  queue_as :reports

  def perform(report_id)
    Report.find(report_id).generate
  end
end

class CleanupJob < ActiveJob::Base
end

class HardWorker
  include Sidekiq::Job
  sidekiq_options queue: 'critical', retry: 5

  def perform(name, count)
  end
end

class PlainWorker
  include Sidekiq::Worker

  def perform; end
end

class NotAJob < BaseJob
end
`;
    const r = await analyze('ruby', 'app/jobs/report_job.rb', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'listener', framework: 'activejob', queue: 'reports', symbol: 'perform', line: 1 }),
      ep({ kind: 'listener', framework: 'activejob', symbol: 'CleanupJob', line: 9 }),
      ep({ kind: 'listener', framework: 'sidekiq', queue: 'critical', symbol: 'perform', line: 12 }),
      ep({ kind: 'listener', framework: 'sidekiq', symbol: 'perform', line: 20 }),
    ]);
  });

  it('reads whenever schedules, one per job in each every block', async () => {
    const src = `set :output, 'log/cron.log'

every 1.day, at: '4:30 am' do
  runner 'Report.daily'
  rake 'cache:clear'
end

every :hour do
  command '/usr/bin/cleanup'
end

every '0 0 27-31 * *' do
end
`;
    const r = await analyze('ruby', 'config/schedule.rb', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'schedule', framework: 'whenever', schedule: '1.day at 4:30 am', handler: 'Report.daily', line: 4 }),
      ep({ kind: 'schedule', framework: 'whenever', schedule: '1.day at 4:30 am', handler: 'cache:clear', line: 5 }),
      ep({ kind: 'schedule', framework: 'whenever', schedule: 'hour', handler: '/usr/bin/cleanup', line: 9 }),
      ep({ kind: 'schedule', framework: 'whenever', schedule: '0 0 27-31 * *', line: 12 }),
    ]);
    expect((await analyze('ruby', 'lib/every.rb', src)).entryPoints).toEqual([]);
  });

  it('reads Rake tasks with their namespaces, named in queue like other named mains', async () => {
    const src = `namespace :db do
  desc 'Seed the database'
  task seed: :environment do
    Seeder.run
  end

  namespace :backup do
    task :create => [:environment] do
    end
  end

  task 'restore', [:file] => :environment do |t, args|
  end
end

task default: :test
Rake::TestTask.new(:test)
`;
    const r = await analyze('ruby', 'lib/tasks/db.rake', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'main', framework: 'rake', queue: 'db:seed', line: 3 }),
      ep({ kind: 'main', framework: 'rake', queue: 'db:backup:create', line: 8 }),
      ep({ kind: 'main', framework: 'rake', queue: 'db:restore', line: 12 }),
      ep({ kind: 'main', framework: 'rake', queue: 'default', line: 16 }),
      ep({ kind: 'main', framework: 'rake', queue: 'test', line: 17 }),
    ]);
    expect((await analyze('ruby', 'Rakefile', 'task :build do\nend\n')).entryPoints).toEqual([ep({ kind: 'main', framework: 'rake', queue: 'build', line: 1 })]);
    expect((await analyze('ruby', 'lib/deploy.rb', src)).entryPoints).toEqual([]);
  });

  it('reads `if __FILE__ == $0` mains, attached to what they call', async () => {
    const src = `class Cli
  def self.start(argv)
  end
end

def main
end

if __FILE__ == $0
  Cli.start(ARGV)
end

main if $PROGRAM_NAME == __FILE__
`;
    const r = await analyze('ruby', 'bin/cli.rb', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'main', framework: 'main', handler: 'Cli.start', symbol: 'start', line: 9 }),
      ep({ kind: 'main', framework: 'main', handler: 'main', symbol: 'main', line: 13 }),
    ]);
  });
});

describe('Ruby external calls', () => {
  it('reads HTTP clients, raw SQL through ActiveRecord and job enqueues, not look-alike calls', async () => {
    const src = `class Sync
  def run(id)
    Net::HTTP.get(URI('https://api.example.com/items'))
    conn = Faraday.new(url: 'https://billing.example.com')
    HTTParty.get("https://x.example.com/users/#{id}")
    RestClient.post('https://hooks.example.com/a', {})
    User.find_by_sql("SELECT * FROM users WHERE id = #{id}")
    ActiveRecord::Base.connection.execute('UPDATE orders SET state = 1')
    ActiveRecord::Base.connection.select_all('SELECT id FROM invoices')
    HardWorker.perform_async(id)
    ReportJob.set(wait: 1.hour).perform_later(id)
    cache.execute(id)
    client.get('/x')
    ActiveRecord::Base.connection.execute('DELETE FROM sessions ' + 'WHERE updated_at < now()')
  end
end
`;
    const r = await analyze('ruby', 'app/sync.rb', src);
    expect(r.entryPoints).toEqual([]);
    expect(r.calls).toEqual([
      call('run', 'http', 'Net::HTTP', 'https://api.example.com/items', 3),
      call('run', 'http', 'Faraday', 'https://billing.example.com', 4),
      call('run', 'http', 'HTTParty', 'https://x.example.com/users/', 5),
      call('run', 'http', 'RestClient', 'https://hooks.example.com/a', 6),
      call('run', 'sql', 'ActiveRecord', 'users', 7),
      call('run', 'sql', 'ActiveRecord', 'orders', 8),
      call('run', 'sql', 'ActiveRecord', 'invoices', 9),
      call('run', 'queue', 'sidekiq', 'HardWorker', 10),
      call('run', 'queue', 'activejob', 'ReportJob', 11),
      // SQL built with `+` is read up to what is computed.
      call('run', 'sql', 'ActiveRecord', 'sessions', 14),
    ]);
  });
});
