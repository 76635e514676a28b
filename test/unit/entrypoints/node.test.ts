import { describe, expect, it } from 'vitest';
import { analyze, call, ep, http } from './helpers.js';

describe('Express, Koa, Fastify routes', () => {
  it('reads Express routes with same-file mount prefixes and route chains', async () => {
    const src = `import express from 'express';
import { Router } from 'express';

const app = express();
const api = Router();
const admin = express.Router();

app.use('/api', api);
api.use('/admin', admin);

api.get('/users/:id', getUser);
api.post('/users', auth, asyncHandler(createUser));
admin.delete('/users/:id', (req, res) => res.sendStatus(204));
app.route('/health')
  .get(health)
  .head(health);
app.all('*', notFound);

function getUser(req, res) { res.json({}); }
async function createUser(req, res) {}
function health(req, res) { res.send('ok'); }
function notFound(req, res) { res.sendStatus(404); }
app.listen(3000);
`;
    const r = await analyze('javascript', 'src/server.js', src);
    expect(r.entryPoints).toEqual([
      http('express', 'GET', '/api/users/:id', 11, 'getUser', 'getUser'),
      http('express', 'POST', '/api/users', 12, 'createUser', 'createUser'),
      http('express', 'DELETE', '/api/admin/users/:id', 13, null, null),
      http('express', 'GET', '/health', 15, 'health', 'health'),
      http('express', 'HEAD', '/health', 16, 'health', 'health'),
      http('express', 'ANY', '/*', 17, 'notFound', 'notFound'),
    ]);
  });

  it('accepts routers passed in by conventional names and ignores HTTP clients', async () => {
    const src = `const axios = require('axios');
const api = axios.create({ baseURL: 'https://x' });

function register(router) {
  router.get('/items', controller.list);
  router.put('/items/:id', controller.update.bind(controller));
  api.post('/remote', payload);
  cache.get('/not-a-route', fallback);
}
module.exports = register;
`;
    const r = await analyze('javascript', 'routes/items.js', src);
    expect(r.entryPoints).toEqual([
      http('express', 'GET', '/items', 5, 'register', 'controller.list'),
      http('express', 'PUT', '/items/:id', 6, 'register', 'controller.update'),
    ]);
  });

  it('reads Koa router prefixes and named routes', async () => {
    const src = `import Router from '@koa/router';
const router = new Router({ prefix: '/v1' });
const nested = new Router();
router.get('user', '/users/:id', showUser);
nested.post('/things', createThing);
router.use('/nested', nested.routes());
export default router;
`;
    const r = await analyze('typescript', 'src/routes.ts', src);
    expect(r.entryPoints).toEqual([
      http('koa', 'GET', '/v1/users/:id', 4, null, 'showUser'),
      http('koa', 'POST', '/v1/nested/things', 5, null, 'createThing'),
    ]);
  });

  it('reads Fastify shorthand and route() objects', async () => {
    const src = `import Fastify from 'fastify';
const fastify = Fastify({ logger: true });
fastify.get('/ping', async () => 'pong');
fastify.route({
  method: ['GET', 'POST'],
  url: '/items',
  handler: itemsHandler,
});
async function itemsHandler(req, reply) {}
`;
    const r = await analyze('typescript', 'src/app.ts', src);
    expect(r.entryPoints).toEqual([
      http('fastify', 'GET', '/ping', 3, null, null),
      http('fastify', 'GET', '/items', 4, 'itemsHandler', 'itemsHandler'),
      http('fastify', 'POST', '/items', 4, 'itemsHandler', 'itemsHandler'),
    ]);
  });

  it('reads Fastify plugins by the conventional parameter name', async () => {
    const src = `export default async function routes(fastify, opts) {
  fastify.delete('/sessions/:id', async (req) => null);
}
`;
    const r = await analyze('typescript', 'src/plugins/sessions.ts', src);
    expect(r.entryPoints).toEqual([http('fastify', 'DELETE', '/sessions/:id', 2, 'routes', null)]);
  });
});

describe('NestJS decorators', () => {
  it('joins controller and method paths', async () => {
    const src = `import { Controller, Get, Post, All, Param } from '@nestjs/common';

@Controller('users')
export class UsersController {
  @Get(':id')
  findOne(@Param('id') id: string) { return id; }

  @Post()
  create() {}

  @Get(['a', 'b'])
  multi() {}

  @All('*')
  fallback() {}
}

@Controller({ path: 'admin', host: 'admin.example.com' })
class AdminController {
  @Get('stats')
  stats() {}

  @Get(ROUTES.health)
  health() {}
}
`;
    const r = await analyze('typescript', 'src/users.controller.ts', src);
    expect(r.entryPoints).toEqual([
      http('nestjs', 'GET', '/users/:id', 5, 'findOne'),
      http('nestjs', 'POST', '/users', 8, 'create'),
      http('nestjs', 'GET', '/users/a', 11, 'multi'),
      http('nestjs', 'GET', '/users/b', 11, 'multi'),
      http('nestjs', 'ANY', '/users/*', 14, 'fallback'),
      http('nestjs', 'GET', '/admin/stats', 20, 'stats'),
      http('nestjs', 'GET', '/admin/ROUTES.health', 23, 'health'),
    ]);
  });

  it('reads schedules, microservice patterns and Bull processors', async () => {
    const src = `@Injectable()
export class TasksService {
  @Cron('45 * * * * *')
  handleCron() {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'hourly' })
  hourly() {}

  @Interval(10000)
  poll() {}

  @MessagePattern({ cmd: 'sum' })
  sum(data: number[]) {}

  @EventPattern('user_created')
  onUserCreated(data: unknown) {}
}

@Processor('audio')
export class AudioConsumer {
  @Process('transcode')
  transcode(job: Job) {}
}
`;
    const r = await analyze('typescript', 'src/tasks.service.ts', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'schedule', framework: 'nestjs', schedule: '45 * * * * *', line: 3, symbol: 'handleCron' }),
      ep({ kind: 'schedule', framework: 'nestjs', schedule: 'CronExpression.EVERY_HOUR', line: 6, symbol: 'hourly' }),
      ep({ kind: 'schedule', framework: 'nestjs', schedule: 'interval=10000', line: 9, symbol: 'poll' }),
      ep({ kind: 'listener', framework: 'nestjs', queue: "{ cmd: 'sum' }", line: 12, symbol: 'sum' }),
      ep({ kind: 'listener', framework: 'nestjs', queue: 'user_created', line: 15, symbol: 'onUserCreated' }),
      ep({ kind: 'listener', framework: 'bull', queue: 'audio', line: 21, symbol: 'transcode' }),
    ]);
  });
});

describe('Node jobs, consumers and mains', () => {
  it('reads node-cron, cron and node-schedule jobs', async () => {
    const src = `const cron = require('node-cron');
const { CronJob } = require('cron');
const schedule = require('node-schedule');

cron.schedule('*/5 * * * *', cleanup);
new CronJob('0 0 * * *', () => report(), null, true);
CronJob.from({ cronTime: '0 12 * * *', onTick: noon });
schedule.scheduleJob('nightly', '0 3 * * *', nightly);

function cleanup() {}
function noon() {}
function nightly() {}
`;
    const r = await analyze('javascript', 'jobs.js', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'schedule', framework: 'node-cron', schedule: '*/5 * * * *', line: 5, symbol: 'cleanup', handler: 'cleanup' }),
      ep({ kind: 'schedule', framework: 'cron', schedule: '0 0 * * *', line: 6 }),
      ep({ kind: 'schedule', framework: 'cron', schedule: '0 12 * * *', line: 7, symbol: 'noon', handler: 'noon' }),
      ep({ kind: 'schedule', framework: 'node-schedule', schedule: '0 3 * * *', line: 8, symbol: 'nightly', handler: 'nightly' }),
    ]);
  });

  it('reads kafkajs and amqplib consumers', async () => {
    const src = `import { Kafka } from 'kafkajs';
import amqp from 'amqplib';

const kafka = new Kafka({ clientId: 'app', brokers: ['k:9092'] });
const consumer = kafka.consumer({ groupId: 'billing' });

export async function start() {
  await consumer.subscribe({ topics: ['orders', 'refunds'], fromBeginning: true });
  await consumer.run({ eachMessage: handleMessage });
  const conn = await amqp.connect('amqp://localhost');
  const channel = await conn.createChannel();
  await channel.consume('emails', onEmail);
}
async function handleMessage({ message }) {}
function onEmail(msg) {}
`;
    const r = await analyze('typescript', 'src/consumer.ts', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'listener', framework: 'kafka', queue: 'orders,refunds', line: 8, symbol: 'handleMessage', handler: 'handleMessage' }),
      ep({ kind: 'listener', framework: 'rabbitmq', queue: 'emails', line: 12, symbol: 'onEmail', handler: 'onEmail' }),
    ]);
  });

  it('finds shebang scripts and require.main guards', async () => {
    const src = `#!/usr/bin/env node
async function main() {}
if (require.main === module) {
  main().catch((e) => { console.error(e); process.exit(1); });
}
`;
    const r = await analyze('javascript', 'bin/cli.js', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'main', framework: 'main', line: 1 }),
      ep({ kind: 'main', framework: 'main', line: 3, symbol: 'main', handler: 'main' }),
    ]);
    expect((await analyze('typescript', 'dist/cli.d.ts', '#!/usr/bin/env node\nexport {};\n')).entryPoints).toEqual([]);
  });
});

describe('Node external calls', () => {
  it('recognises node:http requests and TypeORM getRepository, not decorators from the same module', async () => {
    const src = `import https from 'node:https';
import { Entity, getRepository } from 'typeorm';

@Entity()
export class Invoice {}

export function load() {
  https.request({ hostname: 'billing.internal', path: '/invoices' }, onResponse).end();
  return getRepository(Invoice).find();
}
`;
    const r = await analyze('typescript', 'src/invoices.ts', src);
    expect(r.calls).toEqual([
      call('load', 'http', 'http', 'billing.internal', 8),
      call('load', 'orm', 'typeorm', 'Invoice', 9),
    ]);
  });

  it('recognises HTTP, SQL, Redis and queue clients through imports and bindings', async () => {
    const src = `import axios from 'axios';
import got from 'got';
import { Pool } from 'pg';
import Redis from 'ioredis';
import { Kafka } from 'kafkajs';

const pool = new Pool();
const redis = new Redis(process.env.REDIS_URL);
const producer = new Kafka({ brokers: [] }).producer();

export async function checkout(id: string) {
  const user = await axios.get(\`https://users.internal/api/users/\${id}\`);
  await got.post('https://payments.internal/charge', { json: {} });
  await fetch('https://example.com/hook', { method: 'POST' });
  const rows = await pool.query('SELECT * FROM carts WHERE user_id = $1', [id]);
  await redis.set(\`cart:\${id}\`, JSON.stringify(rows));
  await producer.send({ topic: 'checkout.completed', messages: [] });
  return user;
}

export function noise(map: Map<string, string>) {
  map.get('x');
  [1, 2].find((n) => n > 1);
}
`;
    const r = await analyze('typescript', 'src/checkout.ts', src);
    expect(r.calls).toEqual([
      call('checkout', 'http', 'axios', 'https://users.internal/api/users/', 12),
      call('checkout', 'http', 'got', 'https://payments.internal/charge', 13),
      call('checkout', 'http', 'fetch', 'https://example.com/hook', 14),
      call('checkout', 'sql', 'pg', 'carts', 15),
      call('checkout', 'redis', 'ioredis', 'cart:', 16),
      call('checkout', 'queue', 'kafkajs', 'checkout.completed', 17),
    ]);
  });

  it('recognises ORMs through injected types and Prisma model chains', async () => {
    const src = `import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { HttpService } from '@nestjs/axios';
import { PrismaService } from './prisma.service';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly prisma: PrismaService,
    private readonly http: HttpService,
  ) {}

  async find(id: number) {
    await this.users.findOneBy({ id });
    await this.prisma.order.findMany({ where: { userId: id } });
    return this.http.get('https://profile.internal/users');
  }
}
`;
    const r = await analyze('typescript', 'src/users.service.ts', src);
    expect(r.calls).toEqual([
      call('find', 'orm', 'typeorm', 'User', 16),
      call('find', 'orm', 'prisma', 'order', 17),
      call('find', 'http', 'HttpService', 'https://profile.internal/users', 18),
    ]);
  });

  it('recognises SQL text, knex, Mongo, Elasticsearch, amqplib and SQS', async () => {
    const src = `const knex = require('knex');
const { MongoClient } = require('mongodb');
const { Client } = require('@elastic/elasticsearch');
const amqp = require('amqplib');
const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');

const db = knex({ client: 'pg' });
const es = new Client({ node: 'http://es:9200' });
const mongo = new MongoClient(url);

async function sync(channel, sqlite) {
  await db('accounts').where({ active: true });
  await mongo.db('app').collection('events').insertOne({});
  await es.search({ index: 'products', query: {} });
  channel.sendToQueue('thumbnails', Buffer.from('x'));
  await sqs.send(new SendMessageCommand({ QueueUrl: 'https://sqs.eu/123/jobs', MessageBody: 'x' }));
  sqlite.prepare('UPDATE counters SET n = n + 1').run();
  sqlite.prepare(\`SELECT * FROM cache_v\${VERSION} WHERE k = ?\`).get(k);
}
`;
    const r = await analyze('javascript', 'sync.js', src);
    expect(r.calls).toEqual([
      call('sync', 'sql', 'knex', 'accounts', 12),
      call('sync', 'mongo', 'mongodb', 'events', 13),
      call('sync', 'elasticsearch', '@elastic/elasticsearch', 'products', 14),
      call('sync', 'queue', 'amqplib', 'thumbnails', 15),
      call('sync', 'queue', 'SQS', 'https://sqs.eu/123/jobs', 16),
      call('sync', 'sql', 'knex', 'counters', 17),
      call('sync', 'sql', 'knex', null, 18),
    ]);
  });
});
