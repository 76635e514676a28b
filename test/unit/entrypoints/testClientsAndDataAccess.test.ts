// Test-only HTTP clients are not external calls (Gin's 132 "external HTTP calls" were httptest
// requests), and calls through a repository or DAO object are data access (PetClinic showed none).
import { describe, expect, it } from 'vitest';
import { analyze, call } from './helpers.js';

describe('test-only HTTP clients are not external calls', () => {
  it('Go: httptest requests and bare-path requests are left out; a real client call stays', async () => {
    const src = `package gin

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestRouteGet(t *testing.T) {
	router := New()
	w := httptest.NewRecorder()
	req, _ := http.NewRequest(http.MethodGet, "/test", nil)
	router.ServeHTTP(w, req)
	req2 := httptest.NewRequest("POST", "/form", nil)
	router.ServeHTTP(w, req2)
}
`;
    expect((await analyze('go', 'routes_test.go', src)).calls).toEqual([]);
    const real = `package client

import "net/http"

func Fetch() {
	req, _ := http.NewRequest("GET", "/users", nil)
	_ = req
	http.Get("https://api.example.com/users")
}
`;
    expect((await analyze('go', 'client/fetch.go', real)).calls).toEqual([call('Fetch', 'http', 'net/http', 'https://api.example.com/users', 8)]);
  });

  it('TypeScript: supertest request(app) is not an external call; axios is', async () => {
    const src = `import request from 'supertest';
import axios from 'axios';
import { app } from '../src/app';

describe('GET /users', () => {
  it('lists users', async () => {
    const res = await request(app).get('/users').expect(200);
    await request(app).post('/users').send({ name: 'a' });
  });
});

export async function ping() {
  return axios.get('https://status.example.com/ping');
}
`;
    expect((await analyze('typescript', 'test/users.test.ts', src)).calls).toEqual([call('ping', 'http', 'axios', 'https://status.example.com/ping', 13)]);
  });

  it('Python: FastAPI/Starlette TestClient and httpx clients on the app are left out; requests stays', async () => {
    const src = `import httpx
import requests
from fastapi.testclient import TestClient
from httpx import ASGITransport

from app.main import app

client = TestClient(app)
api = httpx.AsyncClient(app=app, base_url="http://test")
asgi = httpx.Client(transport=ASGITransport(app=app), base_url="http://test")


def test_read_item():
    response = client.get("/items/foo", headers={"X-Token": "coneofsilence"})
    assert response.status_code == 200
    api.get("/items")
    asgi.post("/items", json={})


def fetch_rates():
    return requests.get("https://rates.example.com/latest")
`;
    expect((await analyze('python', 'tests/test_main.py', src)).calls).toEqual([call('fetch_rates', 'http', 'requests', 'https://rates.example.com/latest', 21)]);
  });

  it('Java: MockMvc requests are not external calls', async () => {
    const src = `package org.springframework.samples.petclinic.owner;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class OwnerControllerTests {
  @Autowired
  private MockMvc mockMvc;

  void testInitCreationForm() throws Exception {
    mockMvc.perform(get("/owners/new"));
  }
}
`;
    expect((await analyze('java', 'src/test/java/OwnerControllerTests.java', src)).calls).toEqual([]);
  });
});

describe('calls through a repository or DAO object are data access', () => {
  it('Java: a Spring Data repository field and a DAO', async () => {
    const src = `package org.springframework.samples.petclinic.owner;

import org.springframework.stereotype.Controller;

@Controller
class OwnerController {
  private final OwnerRepository owners;
  private final VisitDao visitDao;

  OwnerController(OwnerRepository owners, VisitDao visitDao) {
    this.owners = owners;
    this.visitDao = visitDao;
  }

  public String processFindForm(String lastName) {
    var results = this.owners.findByLastNameStartingWith(lastName);
    visitDao.save(results);
    return "owners/ownersList";
  }
}
`;
    expect((await analyze('java', 'src/main/java/OwnerController.java', src)).calls).toEqual([
      call('processFindForm', 'data-access', 'OwnerRepository', 'findByLastNameStartingWith', 16),
      call('processFindForm', 'data-access', 'VisitDao', 'save', 17),
    ]);
  });

  it('Go: a repository field of a service', async () => {
    const src = `package service

type UserService struct{ userRepo UserRepository }

func (s *UserService) Get(ctx context.Context, id int64) (*User, error) {
	return s.userRepo.FindByID(ctx, id)
}
`;
    expect((await analyze('go', 'service/user.go', src)).calls).toEqual([call('Get', 'data-access', 'userRepo', 'FindByID', 6)]);
  });

  it('Python: a repository attribute and a DAO variable', async () => {
    const src = `class OrderService:
    def __init__(self, order_repository):
        self.order_repository = order_repository

    def place(self, order, order_dao):
        self.order_repository.add(order)
        order_dao.commit()
`;
    expect((await analyze('python', 'app/services.py', src)).calls).toEqual([
      call('place', 'data-access', 'order_repository', 'add', 6),
      call('place', 'data-access', 'order_dao', 'commit', 7),
    ]);
  });

  it('TypeScript: a NestJS service calling its own repository and DAO (typed by class, not by a library)', async () => {
    const src = `import { Injectable } from '@nestjs/common';
import { UsersRepository } from './users.repository';
import { AuditDao } from './audit.dao';

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository, private readonly auditDao: AuditDao) {}

  async rename(id: number, name: string) {
    const user = await this.users.findOneById(id);
    await this.auditDao.record('rename', { id, name });
    return Object.assign(user, { name });
  }
}
`;
    expect((await analyze('typescript', 'src/users/users.service.ts', src)).calls).toEqual([
      call('rename', 'data-access', 'UsersRepository', 'findOneById', 10),
      call('rename', 'data-access', 'AuditDao', 'record', 11),
    ]);
  });

  it('JavaScript: a required repository module, an injected repository and a DAO behind a deps object', async () => {
    const src = `const userRepo = require('../repositories/userRepo');

class UserService {
  constructor(userRepository, deps) {
    this.userRepository = userRepository;
    this.deps = deps;
  }

  async get(id) {
    const user = await this.userRepository.findOne({ where: { id } });
    await this.deps.sessionDao.touch(id);
    return user;
  }
}

async function save(req, res) {
  await userRepo.save(req.body);
  res.json({ ok: true });
}

module.exports = { UserService, save };
`;
    expect((await analyze('javascript', 'src/services/user.js', src)).calls).toEqual([
      call('get', 'data-access', 'userRepository', 'findOne', 10),
      call('get', 'data-access', 'sessionDao', 'touch', 11),
      call('save', 'data-access', 'userRepo', 'save', 17),
    ]);
  });

  it('TypeScript: TypeORM repositories from a data source, Sequelize and Mongoose model classes; plain classes stay out', async () => {
    const src = `import { AppDataSource } from './data-source';
import { User } from './entity/User';
import { Order } from './models/order';
import { Invoice } from './models/invoice';

export async function report(id: number) {
  const users = await AppDataSource.getRepository(User).find();
  const orders = await Order.findAll({ where: { userId: id } });
  const invoice = await Invoice.findById(id);
  const [a, b] = await Promise.all([users, orders]);
  return JSON.stringify({ a, b, invoice, keys: Object.keys(invoice), max: Math.max(1, 2) });
}
`;
    expect((await analyze('typescript', 'src/report.ts', src)).calls).toEqual([
      call('report', 'orm', 'typeorm', 'User', 7),
      call('report', 'orm', 'sequelize', 'Order', 8),
      call('report', 'mongo', 'mongoose', 'Invoice', 9),
    ]);
  });
});
