// Builds small real repositories on disk for tests.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export function tempDir(prefix = 'clew-test-'): { path: string; cleanup: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = join(root, rel);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

export const USER_CONTROLLER = `package com.acme.web;

import org.springframework.web.bind.annotation.*;

/** Serves users over HTTP. */
@RestController
@RequestMapping("/api/users")
public class UserController {
    private final UserRepository repository;

    /** Finds one user by id. */
    @GetMapping("/{id}")
    public User get(@PathVariable long id) {
        return repository.findById(id);
    }

    @PostMapping
    public User create(@RequestBody User user) {
        return repository.save(user);
    }

    public void parseConfig(String raw) {
        String parse_config = raw.trim();
    }
}
`;

export const SAMPLE_REPO: Record<string, string> = {
  'src/main/java/com/acme/web/UserController.java': USER_CONTROLLER,
  'src/main/java/com/acme/App.java': `package com.acme;

public class App {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
`,
  'app/server.ts': `import express from 'express';

const app = express();

/** Health check. */
export function health(req: unknown, res: { send(s: string): void }) {
  res.send('ok');
}

app.get('/health', health);
app.post('/orders', (req, res) => res.send('created'));

export class OrderService {
  total(items: number[]): number {
    return items.reduce((a, b) => a + b, 0);
  }
}
`,
  'py/app.py': `from flask import Flask

app = Flask(__name__)


@app.route("/hello", methods=["GET", "POST"])
def hello():
    """Say hello."""
    return "hello"


def load_settings(path):
    return open(path).read()
`,
  'shop/urls.py': `from django.urls import path
from . import views

urlpatterns = [
    path("orders/<int:pk>/", views.order_detail),
]
`,
  'shop/views.py': `def order_detail(request, pk):
    return render(request, "order.html")
`,
  'README.md': '# Sample\nThis repo exercises RequestMapping and parse config searches.\n',
  'package.json': JSON.stringify({ name: 'sample', dependencies: { express: '^4.19.0' }, devDependencies: { vitest: '^3.0.0' } }, null, 2),
};
