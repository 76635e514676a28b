import { describe, expect, it } from 'vitest';
import type { Language } from '../../../shared/types.js';
import { analyzeFile } from '../../../electron/engine/analyze.js';

// Half-typed files, as an editor saves them mid-edit.
const BROKEN: [Language, string, string][] = [
  ['java', 'A.java', '@RestController\n@RequestMapping("/api"\nclass A {\n  @GetMapping("/x"\n  public void x( {\n  @Scheduled(cron = \n  public static void main(String[] args'],
  ['typescript', 'a.ts', "import express from 'express';\nconst app = express(;\napp.get('/x', (req, res) => {\n@Controller('u')\nclass C { @Get(':id') find( }\nfetch(`${"],
  ['javascript', 'a.js', "#!/usr/bin/env node\nrouter.get('/x', \napp.use('/api', router\ncron.schedule('* * * * *'"],
  ['python', 'urls.py', "from flask import Flask\napp = Flask(\n@app.route('/x', methods=['GET'\ndef x(:\n urlpatterns = [path('a/', views.a), path(\nif __name__ == '__main__'\n"],
  ['go', 'main.go', 'package main\nimport "github.com/gin-gonic/gin"\nfunc main() {\n r := gin.Default(\n r.GET("/x", h\n db.Query("SELECT * FROM'],
  ['rust', 'src/main.rs', '#[get("/x")]\nasync fn x( {\nfn main() { Router::new().route("/a", get(h).post(\n sqlx::query!("SELECT'],
  ['csharp', 'Program.cs', '[Route("api/[controller]")]\npublic class XController {\n [HttpGet("{id}")\n public void Get( {\napp.MapGet("/x", '],
  ['cpp', 'main.cpp', 'int main(int argc, char** argv {'],
  ['ruby', 'config/routes.rb', "Rails.application.routes.draw do\n  resources :users, only: [:index do\n  namespace :admin do\n    get 'x', to: \nclass J < ApplicationJob\n  queue_as \n  def perform("],
  ['php', 'routes/web.php', "<?php\nuse App\\Http\\Controllers\\UserController;\nRoute::prefix('admin')->group(function () {\n  Route::get('/x', [UserController::class, \n#[Route('/y', methods: ['GET'\nclass C implements ShouldQueue { protected $signature = 'x:y"],
  ['kotlin', 'App.kt', '@RestController\n@RequestMapping("/api"\nclass C {\n  @GetMapping("/x"\n  fun x( {\nfun main(args: Array<String>\nrouting {\n  route("/a") {\n    get("/b") {'],
  ['elixir', 'router.ex', 'defmodule R do\n  use MyAppWeb, :router\n  scope "/api", MyAppWeb do\n    resources "/users", UserController, only: [:index\n    get "/x", PageController, \ndefmodule W do\n  use Oban.Worker, queue: '],
];

describe('robustness', () => {
  it.each(BROKEN)('never throws on broken %s and is deterministic', async (lang, path, src) => {
    const first = await analyzeFile(lang, path, src);
    const second = await analyzeFile(lang, path, src);
    expect(second.entryPoints).toEqual(first.entryPoints);
    expect(second.calls).toEqual(first.calls);
    const keys = first.entryPoints.map((e) => JSON.stringify(e));
    expect(new Set(keys).size).toBe(keys.length);
    const lines = first.entryPoints.map((e) => e.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  it('returns nothing for languages without detectors and for empty files', async () => {
    expect((await analyzeFile('scala', 'App.scala', 'object App { def main(args: Array[String]): Unit = {} }\n')).entryPoints).toEqual([]);
    // A Sinatra-looking block in a file that does not use Sinatra is no route.
    expect((await analyzeFile('ruby', 'app.rb', "get '/x' do\nend\n")).entryPoints).toEqual([]);
    expect((await analyzeFile('css', 'a.css', 'a { color: red }')).calls).toEqual([]);
    for (const lang of ['java', 'typescript', 'python', 'go', 'rust', 'csharp', 'ruby', 'php', 'kotlin', 'elixir'] as const) {
      const r = await analyzeFile(lang, 'empty', '');
      expect(r.entryPoints).toEqual([]);
      expect(r.calls).toEqual([]);
    }
  });

  it('is not fooled by names that live on Object.prototype', async () => {
    const src = 'class A { @constructor("/x") void toString() { constructor.send("x"); } }';
    const r = await analyzeFile('java', 'A.java', src);
    expect(r.entryPoints).toEqual([]);
    expect(r.calls).toEqual([]);
  });
});
