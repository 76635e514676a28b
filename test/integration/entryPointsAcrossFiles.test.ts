// Entry points whose handler is written in another file, through the real Backend: a Rails route names a controller
// action, a Laravel route a controller method, a Python __main__ a module's function. Each must reach its own
// symbol among every same-named one (`index` and `show` are defined in every controller).
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { databaseFile } from '../../electron/core/dataDir.js';
import { useIndexedTrees } from '../helpers/indexedTrees.js';

const controller = (module: string | null, name: string): string => {
  const body = `class ${name}Controller < ApplicationController\n  def index\n  end\n\n  def show\n  end\nend\n`;
  return module ? `module ${module}\n${body}end\n` : body;
};

const phpController = (namespace: string, name: string, more: string[] = []): string =>
  `<?php\nnamespace ${namespace};\n\nclass ${name}\n{\n${['index', 'show', ...more].map((m) => `    public function ${m}() {}\n`).join('')}}\n`;

const TREE: Record<string, string> = {
  'config/routes.rb': `Rails.application.routes.draw do
  root 'projects#index'
  resources :users, only: [:index, :show]
  namespace :admin do
    resources :users, only: [:show]
  end
end
`,
  'app/controllers/application_controller.rb': 'class ApplicationController\nend\n',
  'app/controllers/projects_controller.rb': controller(null, 'Projects'),
  'app/controllers/users_controller.rb': controller(null, 'Users'),
  'app/controllers/admin/users_controller.rb': controller('Admin', 'Users'),
  'routes/web.php': `<?php
use App\\Http\\Controllers\\UserController;
use App\\Http\\Controllers\\Admin\\UserController as AdminUserController;

Route::get('/users/{id}', [UserController::class, 'show']);
Route::get('/admin/users/{id}', [AdminUserController::class, 'show']);
// No PhotoController in the repo: the one other \`edit\` (the admin UserController's) is not its action.
Route::get('/photos/{photo}/edit', [\\App\\Http\\Controllers\\PhotoController::class, 'edit']);
`,
  'app/Http/Controllers/UserController.php': phpController('App\\Http\\Controllers', 'UserController'),
  'app/Http/Controllers/Admin/UserController.php': phpController('App\\Http\\Controllers\\Admin', 'UserController', ['edit']),
  'app/Console/Kernel.php': `<?php
namespace App\\Console;

class Kernel
{
    protected function schedule($schedule)
    {
        $schedule->command('emails:send')->daily();
        $schedule->command('reports:build')->hourly();
    }
}
`,
  'app/Console/Commands/SendEmails.php': `<?php
namespace App\\Console\\Commands;

class SendEmails extends Command
{
    protected $signature = 'emails:send {user}';

    public function handle() {}
}
`,
  // The only `build` in the repo: a scheduled `reports:build`, with no such command, must not reach it by name.
  'app/Support/Builder.php': '<?php\nnamespace App\\Support;\n\nclass Builder\n{\n    public function build() {}\n}\n',
  'tool/core/management.py': 'def execute_from_command_line(argv=None):\n    pass\n',
  'tool/other/management.py': 'def execute_from_command_line(argv=None):\n    pass\n',
  'tool/__main__.py': 'from core import management\n\nif __name__ == "__main__":\n    management.execute_from_command_line()\n',
};

/** Each entry point with the file of the symbol it was linked to: a row names its handler even when unlinked. */
function linked(dataDir: string): string[] {
  const db = new Database(databaseFile(dataDir), { readonly: true });
  try {
    return db.prepare<[], { what: string; handler: string | null; file: string | null }>(
      `SELECT coalesce(e.method || ' ' || e.path, e.schedule, e.queue, e.kind) AS what, e.handler, sf.path AS file
       FROM entry_points e LEFT JOIN symbols s ON s.id = e.symbol_id LEFT JOIN files sf ON sf.id = s.file_id`,
    ).all().map((r) => `${r.what} ${r.handler ?? ''} → ${r.file ?? 'unlinked'}`).sort();
  } finally {
    db.close();
  }
}

describe('entry points linked to handlers in other files', () => {
  const index = useIndexedTrees('clew-entry-links', [TREE]);

  it('Rails, Laravel, a schedule and a __main__ reach the handler they name, not a same-named one', () => {
    expect(linked(index.data.path)).toEqual([
      'GET / ProjectsController#index → app/controllers/projects_controller.rb',
      'GET /admin/users/:id Admin::UsersController#show → app/controllers/admin/users_controller.rb',
      'GET /admin/users/{id} App\\Http\\Controllers\\Admin\\UserController::show → app/Http/Controllers/Admin/UserController.php',
      'GET /photos/{photo}/edit App\\Http\\Controllers\\PhotoController::edit → unlinked',
      'GET /users UsersController#index → app/controllers/users_controller.rb',
      'GET /users/:id UsersController#show → app/controllers/users_controller.rb',
      'GET /users/{id} App\\Http\\Controllers\\UserController::show → app/Http/Controllers/UserController.php',
      'daily emails:send → app/Console/Commands/SendEmails.php',
      'emails:send  → app/Console/Commands/SendEmails.php',
      // No `reports:build` command: the only `build` in the repo is not it.
      'hourly reports:build → unlinked',
      'main management.execute_from_command_line → tool/core/management.py',
    ]);
  });
});
