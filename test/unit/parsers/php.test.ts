import { describe, expect, it } from 'vitest';
import { expectParentsFirst, get, parentOf, symbolsOf } from './helpers.js';

const CONTROLLER = `<?php

namespace App\\Http\\Controllers;

use Illuminate\\Http\\Request;

/**
 * Handles users.
 */
#[Route('/users')]
final class UserController extends Controller
{
    const PER_PAGE = 20;
    private ?Repo $repo = null;

    public function __construct(Repo $repo) { $this->repo = $repo; }

    /** Shows one user. */
    #[Get('/{id}')]
    public static function show(Request $request, int $id): Response
    {
        $local = 1;
        return response();
    }
}

interface Shape { public function area(): float; }

trait Greets { public function hi() {} }

enum Suit: string { case Hearts = 'H'; }

function helper($x) { return $x; }
`;

describe('php symbols', () => {
  it('names symbols Namespace\\Class::member', async () => {
    const symbols = await symbolsOf('php', 'app/Http/Controllers/UserController.php', CONTROLLER);
    expect(symbols.map((s) => `${s.kind} ${s.fqn}`)).toEqual([
      'namespace App\\Http\\Controllers',
      'class App\\Http\\Controllers\\UserController',
      'constant App\\Http\\Controllers\\UserController::PER_PAGE',
      'property App\\Http\\Controllers\\UserController::$repo',
      'constructor App\\Http\\Controllers\\UserController::__construct',
      'method App\\Http\\Controllers\\UserController::show',
      'interface App\\Http\\Controllers\\Shape',
      'method App\\Http\\Controllers\\Shape::area',
      'trait App\\Http\\Controllers\\Greets',
      'method App\\Http\\Controllers\\Greets::hi',
      'enum App\\Http\\Controllers\\Suit',
      'constant App\\Http\\Controllers\\Suit::Hearts',
      'function App\\Http\\Controllers\\helper',
    ]);
    expectParentsFirst(symbols);
    expect(parentOf(symbols, 'App\\Http\\Controllers\\UserController')).toBe('App\\Http\\Controllers');
  });

  it('keeps attributes as modifiers and docblocks as doc', async () => {
    const symbols = await symbolsOf('php', 'app/Http/Controllers/UserController.php', CONTROLLER);
    expect(get(symbols, 'App\\Http\\Controllers\\UserController')).toMatchObject({
      startLine: 10,
      endLine: 25,
      signature: 'final class UserController extends Controller',
      doc: 'Handles users.',
      modifiers: ["#[Route('/users')]", 'final'],
    });
    expect(get(symbols, 'App\\Http\\Controllers\\UserController::show')).toMatchObject({
      startLine: 19,
      endLine: 24,
      signature: 'public static function show(Request $request, int $id): Response',
      doc: 'Shows one user.',
      modifiers: ["#[Get('/{id}')]", 'public', 'static'],
    });
    expect(get(symbols, 'App\\Http\\Controllers').endLine).toBe(33);
  });

  it('handles block namespaces and files without one', async () => {
    const symbols = await symbolsOf('php', 'x.php', '<?php\nnamespace A { class X {} }\nnamespace B { function f() {} }\n');
    expect(symbols.map((s) => s.fqn)).toEqual(['A', 'A\\X', 'B', 'B\\f']);
    const plain = await symbolsOf('php', 'y.php', '<?php\nfunction g() {}\nclass Y { public $name; }\n');
    expect(plain.map((s) => s.fqn)).toEqual(['g', 'Y', 'Y::$name']);
    const guarded = await symbolsOf('php', 'helpers.php', "<?php\nif (!function_exists('money')) {\n    /** Formats money. */\n    function money($v) { return $v; }\n}\n");
    expect(guarded.map((s) => `${s.fqn} ${s.startLine} ${s.doc}`)).toEqual(['money 4 Formats money.']);
  });
});
