import { describe, expect, it } from 'vitest';
import { analyze, call, ep, http } from './helpers.js';

const C = 'App\\Http\\Controllers';

describe('Laravel routes', () => {
  it('reads verbs, match, any, and handlers as arrays, Class@method strings, invokables and closures', async () => {
    const src = `<?php

use Illuminate\\Support\\Facades\\Route;
use App\\Http\\Controllers\\UserController;
use App\\Http\\Controllers\\Admin\\{ReportController as Reports};

Route::get('/', function () {
    return view('welcome');
});
Route::get('/users/{id}', [UserController::class, 'show'])->name('users.show');
Route::post('users', 'UserController@store');
Route::put('/legacy', 'LegacyController@update');
Route::any('/hook', Reports::class);
Route::match(['get', 'post'], '/form', [UserController::class, 'form']);
Route::get('/old', ['uses' => 'UserController@old', 'as' => 'old']);
Route::view('/welcome', 'welcome');

$cache->get('/users', fn () => 1);
$request->post('/x', $data);
`;
    const r = await analyze('php', 'routes/web.php', src);
    expect(r.entryPoints).toEqual([
      http('laravel', 'GET', '/', 7),
      http('laravel', 'GET', '/users/{id}', 10, null, `${C}\\UserController::show`),
      http('laravel', 'POST', '/users', 11, null, `${C}\\UserController::store`),
      http('laravel', 'PUT', '/legacy', 12, null, 'LegacyController::update'),
      http('laravel', 'ANY', '/hook', 13, null, `${C}\\Admin\\ReportController::__invoke`),
      http('laravel', 'GET', '/form', 14, null, `${C}\\UserController::form`),
      http('laravel', 'POST', '/form', 14, null, `${C}\\UserController::form`),
      http('laravel', 'GET', '/old', 15, null, `${C}\\UserController::old`),
      http('laravel', 'GET', '/welcome', 16),
    ]);
  });

  it('applies group prefixes, namespaces and controllers from chains and attribute arrays', async () => {
    const src = `<?php
use App\\Http\\Controllers\\UserController;

Route::prefix('admin')->middleware('auth')->name('admin.')->group(function () {
    Route::get('/stats', 'StatsController@index');
    Route::group(['prefix' => 'v2', 'namespace' => 'Chart'], function () {
        Route::get('bills', 'BillController@frontpage');
        Route::controller(UserController::class)->group(function () {
            Route::delete('/users/{id}', 'destroy');
        });
    });
});
Route::get('/after', 'HomeController@after');
`;
    const r = await analyze('php', 'routes/web.php', src);
    expect(r.entryPoints).toEqual([
      http('laravel', 'GET', '/admin/stats', 5, null, 'StatsController::index'),
      http('laravel', 'GET', '/admin/v2/bills', 7, null, 'Chart\\BillController::frontpage'),
      http('laravel', 'DELETE', '/admin/v2/users/{id}', 9, null, `${C}\\UserController::destroy`),
      http('laravel', 'GET', '/after', 13, null, 'HomeController::after'),
    ]);
  });

  it('expands resources into their actions, honouring only, except and apiResource', async () => {
    const src = `<?php
use App\\Http\\Controllers\\PhotoController;

Route::resource('photos', PhotoController::class)->only(['index', 'show']);
Route::apiResource('users.comments', 'CommentController')->except('destroy');
Route::resource('categories', 'CategoryController', ['except' => ['create', 'edit', 'show', 'index', 'store', 'update']]);
`;
    const r = await analyze('php', 'routes/web.php', src);
    const P = `${C}\\PhotoController`;
    expect(r.entryPoints).toEqual([
      http('laravel', 'GET', '/photos', 4, null, `${P}::index`),
      http('laravel', 'GET', '/photos/{photo}', 4, null, `${P}::show`),
      http('laravel', 'GET', '/users/{user}/comments', 5, null, 'CommentController::index'),
      http('laravel', 'POST', '/users/{user}/comments', 5, null, 'CommentController::store'),
      http('laravel', 'GET', '/users/{user}/comments/{comment}', 5, null, 'CommentController::show'),
      http('laravel', 'PUT', '/users/{user}/comments/{comment}', 5, null, 'CommentController::update'),
      http('laravel', 'PATCH', '/users/{user}/comments/{comment}', 5, null, 'CommentController::update'),
      http('laravel', 'DELETE', '/categories/{category}', 6, null, 'CategoryController::destroy'),
    ]);
  });

  it('serves routes/api.php under /api, as Laravel loads it', async () => {
    const src = `<?php
Route::get('/user', fn () => 1);
Route::prefix('v1')->group(function () {
    Route::apiResource('posts', 'PostController')->only('index');
});
`;
    expect((await analyze('php', 'routes/api.php', src)).entryPoints).toEqual([
      http('laravel', 'GET', '/api/user', 2, null, null),
      http('laravel', 'GET', '/api/v1/posts', 4, null, 'PostController::index'),
    ]);
    // Another file of that name elsewhere is not Laravel's.
    expect((await analyze('php', 'app/api.php', src)).entryPoints.map((e) => e.path)).toEqual(['/user', '/v1/posts']);
  });

  it('attaches a route to a handler defined in the same file, and a closure to the code around it', async () => {
    const src = `<?php
namespace App\\Http\\Controllers;

class PingController
{
    public function ping() {}

    public static function routes()
    {
        Route::get('/ping', [PingController::class, 'ping']);
        Route::get('/inline', fn () => 'ok');
    }
}
`;
    const r = await analyze('php', 'app/Http/Controllers/PingController.php', src);
    expect(r.entryPoints).toEqual([
      http('laravel', 'GET', '/ping', 10, 'ping', `${C}\\PingController::ping`),
      http('laravel', 'GET', '/inline', 11, 'routes'),
    ]);
  });
});

describe('Slim routes', () => {
  it('reads app routes, map, groups and callable strings; other objects are no router', async () => {
    const src = `<?php
use Slim\\Factory\\AppFactory;
use App\\Action\\HomeAction;

$app = AppFactory::create();
$app->get('/', HomeAction::class);
$app->map(['GET', 'POST'], '/form', '\\App\\Action\\FormAction:handle');
$app->group('/api', function (RouteCollectorProxy $v1) {
    $v1->get('/users/{id}', function ($request, $response, $args) {
        return $response;
    });
    $v1->any('/hook', [HookAction::class, 'run']);
});
$client->get('/users', ['query' => 1]);
$app->run();
`;
    const r = await analyze('php', 'public/index.php', src);
    expect(r.entryPoints).toEqual([
      http('slim', 'GET', '/', 6, null, 'App\\Action\\HomeAction::__invoke'),
      http('slim', 'GET', '/form', 7, null, 'App\\Action\\FormAction::handle'),
      http('slim', 'POST', '/form', 7, null, 'App\\Action\\FormAction::handle'),
      http('slim', 'GET', '/api/users/{id}', 9),
      http('slim', 'ANY', '/api/hook', 12, null, 'HookAction::run'),
    ]);
    // Without Slim in the file, `$app->get('/x', …)` is not read as a route.
    expect((await analyze('php', 'index.php', `<?php\n$app->get('/', fn () => 1);\n`)).entryPoints).toEqual([]);
  });
});

describe('Symfony routes', () => {
  it('reads Route attributes with class prefixes, docblock annotations and invokable controllers', async () => {
    const src = `<?php
namespace App\\Controller;

use Symfony\\Component\\Routing\\Annotation\\Route;

#[Route('/blog', name: 'blog_')]
class BlogController extends AbstractController
{
    #[Route('/', name: 'index')]
    public function index(): Response {}

    #[Route('/{slug}', name: 'show', methods: ['GET', 'HEAD'])]
    #[Cache(smaxage: 10)]
    public function show(string $slug): Response {}

    /**
     * Legacy URL.
     *
     * @Route("/legacy/{id}", name="legacy", methods={"POST"}, requirements={"id"="\\d+"})
     */
    public function legacy(): Response {}

    public function helper() {}
}

#[Route(path: '/health', methods: 'GET')]
final class HealthController
{
    public function __invoke(): Response {}
}

/**
 * @Route("/admin")
 */
class AdminController
{
    /**
     * @Route("/users", name="admin_users")
     * @Method({"GET", "POST"})
     */
    public function users() {}
}
`;
    const r = await analyze('php', 'src/Controller/BlogController.php', src);
    expect(r.entryPoints).toEqual([
      http('symfony', 'ANY', '/blog', 9, 'index'),
      http('symfony', 'GET', '/blog/{slug}', 12, 'show'),
      http('symfony', 'HEAD', '/blog/{slug}', 12, 'show'),
      http('symfony', 'POST', '/blog/legacy/{id}', 19, 'legacy'),
      http('symfony', 'GET', '/health', 26, '__invoke'),
      http('symfony', 'GET', '/admin/users', 38, 'users'),
      http('symfony', 'POST', '/admin/users', 38, 'users'),
    ]);
  });

  it('leaves other libraries\u2019 Route attributes alone', async () => {
    const src = `<?php
use Spatie\\RouteAttributes\\Attributes\\Route;

class A
{
    #[Route('get', '/x')]
    public function x() {}
}
`;
    expect((await analyze('php', 'app/A.php', src)).entryPoints).toEqual([]);
  });
});

describe('Laravel commands, schedules and queued jobs', () => {
  it('reads Artisan and Symfony console commands by their name, attached to handle or execute', async () => {
    const src = `<?php
namespace App\\Console\\Commands;

use Illuminate\\Console\\Command;

class SendEmails extends Command
{
    protected $signature = 'mail:send
                            {user : The ID of the user}
                            {--queue : Whether the job should be queued}';

    protected $description = 'Send a marketing email to a user';

    public function handle() {}
}

class MakeRule extends GeneratorCommand
{
    protected $name = 'make:rule';
}

class Product extends Model
{
    protected $name = 'not:a-command';
}
`;
    expect((await analyze('php', 'app/Console/Commands/SendEmails.php', src)).entryPoints).toEqual([
      ep({ kind: 'main', framework: 'artisan', queue: 'mail:send', line: 8, symbol: 'handle' }),
      ep({ kind: 'main', framework: 'artisan', queue: 'make:rule', line: 19, symbol: 'MakeRule' }),
    ]);
    const symfony = `<?php
use Symfony\\Component\\Console\\Attribute\\AsCommand;
use Symfony\\Component\\Console\\Command\\Command;

#[AsCommand(name: 'app:create-user')]
class CreateUserCommand extends Command
{
    protected function execute(InputInterface $input, OutputInterface $output): int {}
}
`;
    expect((await analyze('php', 'src/Command/CreateUserCommand.php', symfony)).entryPoints).toEqual([
      ep({ kind: 'main', framework: 'symfony', queue: 'app:create-user', line: 5, symbol: 'execute' }),
    ]);
    const console = `<?php
Artisan::command('inspire {name}', function (string $name) {
    $this->comment(Inspiring::quote());
});
`;
    expect((await analyze('php', 'routes/console.php', console)).entryPoints).toEqual([
      ep({ kind: 'main', framework: 'artisan', queue: 'inspire', line: 2 }),
    ]);
  });

  it('reads the scheduler: what runs and how often', async () => {
    const src = `<?php
namespace App\\Console;

use App\\Jobs\\Heartbeat;
use App\\Console\\Commands\\SendEmails;

class Kernel extends ConsoleKernel
{
    protected function schedule(Schedule $schedule)
    {
        $schedule->command('emails:send --force')->dailyAt('13:00')->withoutOverlapping();
        $schedule->command(SendEmails::class)->weekdays()->hourly()->timezone('America/Chicago');
        $schedule->job(new Heartbeat, 'heartbeats')->everyFiveMinutes();
        $schedule->call(function () {
            DB::table('recent_users')->delete();
        })->cron('* * * * *');
        $schedule->exec('node /home/forge/script.js')->daily();
        $this->schedule->unrelated('x');
    }
}
`;
    expect((await analyze('php', 'app/Console/Kernel.php', src)).entryPoints).toEqual([
      ep({ kind: 'schedule', framework: 'laravel', schedule: 'dailyAt 13:00', handler: 'emails:send', line: 11 }),
      ep({ kind: 'schedule', framework: 'laravel', schedule: 'weekdays, hourly, timezone America/Chicago', handler: 'App\\Console\\Commands\\SendEmails::handle', line: 12 }),
      ep({ kind: 'schedule', framework: 'laravel', schedule: 'everyFiveMinutes', handler: 'App\\Jobs\\Heartbeat::handle', line: 13 }),
      ep({ kind: 'schedule', framework: 'laravel', schedule: '* * * * *', symbol: 'schedule', line: 14 }),
      ep({ kind: 'schedule', framework: 'laravel', schedule: 'daily', handler: 'node /home/forge/script.js', line: 17 }),
    ]);
    // Laravel 11 schedules in routes/console.php through the facade.
    const facade = `<?php\nSchedule::command('backup:run')->everyMinute();\n`;
    expect((await analyze('php', 'routes/console.php', facade)).entryPoints).toEqual([
      ep({ kind: 'schedule', framework: 'laravel', schedule: 'everyMinute', handler: 'backup:run', line: 2 }),
    ]);
  });

  it('reads queued jobs and listeners (ShouldQueue) with their queue', async () => {
    const src = `<?php
namespace App\\Jobs;

use Illuminate\\Contracts\\Queue\\ShouldQueue;

class ProcessPodcast implements ShouldQueue
{
    use Dispatchable, Queueable;

    public function __construct(public Podcast $podcast)
    {
        $this->onQueue('podcasts');
    }

    public function handle(AudioProcessor $processor) {}
}

class SendShipmentNotification implements \\Illuminate\\Contracts\\Queue\\ShouldQueue
{
    public $queue = 'listeners';

    public function handle(OrderShipped $event) {}
}

class NotQueued implements ShouldBeUnique
{
    public function handle() {}
}
`;
    expect((await analyze('php', 'app/Jobs/ProcessPodcast.php', src)).entryPoints).toEqual([
      ep({ kind: 'listener', framework: 'laravel', queue: 'podcasts', line: 6, symbol: 'handle' }),
      ep({ kind: 'listener', framework: 'laravel', queue: 'listeners', line: 18, symbol: 'handle' }),
    ]);
  });
});

describe('PHP external calls', () => {
  it('recognises HTTP clients, raw SQL, queued jobs and Redis', async () => {
    const src = `<?php
use GuzzleHttp\\Client;

class Sync
{
    public function run($id)
    {
        $this->client->request('GET', 'https://api.example.com/users/' . $id);
        $res = Http::withToken('t')->post("https://hooks.example.com/{$id}/x");
        $rows = DB::select('SELECT * FROM users WHERE id = ?', [$id]);
        DB::statement("UPDATE orders SET paid = 1");
        $stmt = $pdo->prepare('INSERT INTO logs (msg) VALUES (?)');
        $ch = curl_init('https://x.test/y');
        Redis::set('user:' . $id, 1);
    }

    public function queue($id)
    {
        dispatch(new SendEmail($id));
        Queue::push(new Other);
    }

    public function notCalls($list, $pdo)
    {
        $list->get('/users');
        $pdo->query($notSql);
        self::dispatch();
    }
}
`;
    expect((await analyze('php', 'app/Sync.php', src)).calls).toEqual([
      call('run', 'http', 'guzzle', 'https://api.example.com/users/', 8),
      call('run', 'http', 'laravel-http', 'https://hooks.example.com/', 9),
      call('run', 'sql', 'laravel-db', 'users', 10),
      call('run', 'sql', 'laravel-db', 'orders', 11),
      call('run', 'sql', 'PDO', 'logs', 12),
      call('run', 'http', 'curl', 'https://x.test/y', 13),
      call('run', 'redis', 'laravel-redis', 'user:', 14),
      call('queue', 'queue', 'laravel-queue', 'SendEmail', 19),
      call('queue', 'queue', 'laravel-queue', 'Other', 20),
    ]);
  });
});
