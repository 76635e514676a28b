import { describe, expect, it } from 'vitest';
import { analyze, call, ep, http } from './helpers.js';

describe('Flask and FastAPI routes', () => {
  it('reads Flask routes, methods, blueprint prefixes and register-time prefixes', async () => {
    const src = `from flask import Flask, Blueprint

app = Flask(__name__)
users = Blueprint('users', __name__, url_prefix='/users')
admin = Blueprint('admin', __name__, url_prefix='/admin')

@app.route('/')
def index():
    return 'hi'

@users.route('/<int:user_id>', methods=['GET', 'DELETE'])
def user(user_id):
    return ''

@admin.post('/reindex')
def reindex():
    return ''

def legacy():
    return ''

app.add_url_rule('/legacy', 'legacy', legacy, methods=['POST'])
app.register_blueprint(users, url_prefix='/api/users')
app.register_blueprint(admin)
`;
    const r = await analyze('python', 'app/__init__.py', src);
    expect(r.entryPoints).toEqual([
      http('flask', 'GET', '/', 7, 'index'),
      http('flask', 'GET', '/api/users/<int:user_id>', 11, 'user'),
      http('flask', 'DELETE', '/api/users/<int:user_id>', 11, 'user'),
      http('flask', 'POST', '/admin/reindex', 15, 'reindex'),
      http('flask', 'POST', '/legacy', 22, 'legacy', 'legacy'),
    ]);
  });

  it('reads blueprint views in a module that imports the blueprint', async () => {
    const src = `from . import bp

@bp.route('/search')
def search():
    return ''
`;
    const r = await analyze('python', 'app/views.py', src);
    expect(r.entryPoints).toEqual([http('flask', 'GET', '/search', 3, 'search')]);
  });

  it('reads FastAPI apps and routers with prefixes', async () => {
    const src = `from fastapi import APIRouter, FastAPI

app = FastAPI()
router = APIRouter(prefix='/items', tags=['items'])

@router.get('/{item_id}')
async def read_item(item_id: int):
    return {}

@router.get("", response_model=list)
async def list_items():
    return []

@router.api_route('/bulk', methods=['PUT', 'PATCH'])
async def bulk():
    return {}

@app.delete('/cache')
def clear_cache():
    return None

app.include_router(router, prefix='/v1')
`;
    const r = await analyze('python', 'main.py', src);
    expect(r.entryPoints).toEqual([
      http('fastapi', 'GET', '/v1/items/{item_id}', 6, 'read_item'),
      http('fastapi', 'GET', '/v1/items', 10, 'list_items'),
      http('fastapi', 'PUT', '/v1/items/bulk', 14, 'bulk'),
      http('fastapi', 'PATCH', '/v1/items/bulk', 14, 'bulk'),
      http('fastapi', 'DELETE', '/cache', 18, 'clear_cache'),
    ]);
  });
});

describe('Django urls.py', () => {
  it('reads path/re_path patterns with textual handlers and same-file include prefixes', async () => {
    const src = `from django.urls import include, path, re_path
from . import views

extra_patterns = [
    path('reports/', views.report),
]

urlpatterns = [
    path('', views.index, name='index'),
    path('users/<int:pk>/', views.UserDetail.as_view(), name='user-detail'),
    re_path(r'^articles/(?P<year>[0-9]{4})/$', views.year_archive),
    path('api/', include([
        path('orders/', views.orders),
    ])),
    path('extra/', include(extra_patterns)),
    path('admin/', include('admin.urls')),
]
`;
    const r = await analyze('python', 'shop/urls.py', src);
    expect(r.entryPoints).toEqual([
      // Views live in another module: the route attaches to the pattern list that declares it.
      http('django', 'ANY', '/extra/reports/', 5, null, 'views.report'),
      http('django', 'ANY', '/', 9, null, 'views.index'),
      http('django', 'ANY', '/users/<int:pk>/', 10, null, 'views.UserDetail'),
      http('django', 'ANY', '/articles/(?P<year>[0-9]{4})/', 11, null, 'views.year_archive'),
      http('django', 'ANY', '/api/orders/', 13, null, 'views.orders'),
    ]);
  });
});

describe('Python jobs, consumers and mains', () => {
  it('reads Celery tasks, beat schedules and periodic tasks', async () => {
    const src = `from celery import Celery, shared_task
from celery.schedules import crontab

app = Celery('proj')

@app.task(bind=True, name='emails.send')
def send_email(self, to):
    pass

@shared_task
def cleanup():
    pass

app.conf.beat_schedule = {
    'cleanup-hourly': {
        'task': 'proj.tasks.cleanup',
        'schedule': crontab(minute=0),
    },
    'ping': {'task': 'proj.tasks.ping', 'schedule': 30.0},
}

@app.on_after_configure.connect
def setup_periodic_tasks(sender, **kwargs):
    sender.add_periodic_task(10.0, cleanup.s(), name='every 10s')
`;
    const r = await analyze('python', 'proj/tasks.py', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'listener', framework: 'celery', queue: 'emails.send', line: 6, symbol: 'send_email' }),
      ep({ kind: 'listener', framework: 'celery', queue: 'proj.tasks.cleanup', line: 10, symbol: 'cleanup' }),
      ep({ kind: 'schedule', framework: 'celery', schedule: 'crontab(minute=0)', line: 15, symbol: 'cleanup', handler: 'proj.tasks.cleanup' }),
      ep({ kind: 'schedule', framework: 'celery', schedule: '30.0', line: 19, handler: 'proj.tasks.ping' }),
      ep({ kind: 'schedule', framework: 'celery', schedule: '10.0', line: 24, symbol: 'cleanup', handler: 'cleanup' }),
    ]);
  });

  it('reads schedule, APScheduler and broker consumers', async () => {
    const src = `import schedule
import pika
from kafka import KafkaConsumer
from apscheduler.schedulers.blocking import BlockingScheduler

sched = BlockingScheduler()

def job():
    pass

schedule.every(10).minutes.do(job)
schedule.every().day.at("10:30").do(job)
sched.add_job(job, 'interval', minutes=5)

@sched.scheduled_job('cron', hour=3)
def nightly():
    pass

def on_message(ch, method, props, body):
    pass

def consume():
    consumer = KafkaConsumer('clicks', 'views', group_id='stats')
    channel.basic_consume(queue='tasks', on_message_callback=on_message)
`;
    const r = await analyze('python', 'worker.py', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'schedule', framework: 'schedule', schedule: 'every(10).minutes', line: 11, symbol: 'job', handler: 'job' }),
      ep({ kind: 'schedule', framework: 'schedule', schedule: 'every().day.at("10:30")', line: 12, symbol: 'job', handler: 'job' }),
      ep({ kind: 'schedule', framework: 'apscheduler', schedule: "interval minutes=5", line: 13, symbol: 'job', handler: 'job' }),
      ep({ kind: 'schedule', framework: 'apscheduler', schedule: 'cron hour=3', line: 15, symbol: 'nightly' }),
      ep({ kind: 'listener', framework: 'kafka', queue: 'clicks,views', line: 23, symbol: 'consume' }),
      ep({ kind: 'listener', framework: 'rabbitmq', queue: 'tasks', line: 24, symbol: 'on_message', handler: 'on_message' }),
    ]);
  });

  it('finds __main__ guards and the function they call', async () => {
    const src = `import asyncio

async def main():
    pass

if __name__ == "__main__":
    asyncio.run(main())
`;
    const r = await analyze('python', 'cli.py', src);
    expect(r.entryPoints).toEqual([ep({ kind: 'main', framework: 'main', line: 6, symbol: 'main', handler: 'main' })]);
  });

  it('names the function a __main__ guard runs through sys.exit, SystemExit or an imported module', async () => {
    const exits = `import sys

def main():
    return 0

if __name__ == '__main__':
    sys.exit(main())

if __name__ == '__main__':
    raise SystemExit(main())
`;
    expect((await analyze('python', 'tool.py', exits)).entryPoints).toEqual([
      ep({ kind: 'main', framework: 'main', line: 6, symbol: 'main', handler: 'main' }),
      ep({ kind: 'main', framework: 'main', line: 9, symbol: 'main', handler: 'main' }),
    ]);
    // Django's django-admin: a warning first, then the command line, defined in another file (linked by name later).
    const module = `import warnings
from django.core import management

if __name__ == "__main__":
    warnings.warn('deprecated')
    management.execute_from_command_line()
`;
    expect((await analyze('python', 'bin/django-admin.py', module)).entryPoints).toEqual([
      ep({ kind: 'main', framework: 'main', line: 4, handler: 'management.execute_from_command_line' }),
    ]);
  });
});

describe('Python external calls', () => {
  it('recognises HTTP clients, SQL, ORMs, redis and brokers', async () => {
    const src = `import boto3
import httpx
import redis
import requests
from kafka import KafkaProducer
from sqlalchemy import text

r = redis.Redis(host='cache')
sqs = boto3.client('sqs')
producer = KafkaProducer(bootstrap_servers='k:9092')

def sync_user(session, cursor, user_id):
    requests.post(f"https://crm.internal/users/{user_id}", json={})
    with httpx.Client() as client:
        client.get('https://flags.internal/v1/flags')
    cursor.execute("UPDATE users SET synced = true WHERE id = %s", (user_id,))
    session.execute(text("DELETE FROM sessions WHERE user_id = :id"), {'id': user_id})
    session.query(Order).filter_by(user_id=user_id).all()
    Profile.objects.filter(user_id=user_id).update(synced=True)
    r.setex(f"user:{user_id}", 60, '1')
    sqs.send_message(QueueUrl='https://sqs.eu-west-1.amazonaws.com/1/sync', MessageBody='x')
    producer.send('user-synced', b'1')

def not_calls(text_value, items):
    text_value.find('x')
    items.get('key')
`;
    const r = await analyze('python', 'sync.py', src);
    expect(r.calls).toEqual([
      call('sync_user', 'http', 'requests', 'https://crm.internal/users/', 13),
      call('sync_user', 'http', 'httpx', 'https://flags.internal/v1/flags', 15),
      call('sync_user', 'sql', 'sqlalchemy', 'users', 16),
      call('sync_user', 'sql', 'sqlalchemy', 'sessions', 17),
      call('sync_user', 'orm', 'sqlalchemy', 'Order', 18),
      call('sync_user', 'orm', 'django', 'Profile', 19),
      call('sync_user', 'redis', 'redis-py', 'user:', 20),
      call('sync_user', 'queue', 'boto3', 'https://sqs.eu-west-1.amazonaws.com/1/sync', 21),
      call('sync_user', 'queue', 'kafka-python', 'user-synced', 22),
    ]);
  });

  it('recognises aiohttp sessions and urllib', async () => {
    const src = `import aiohttp
from urllib.request import urlopen

async def poll():
    async with aiohttp.ClientSession() as session:
        async with session.get('https://status.internal/health') as resp:
            return await resp.json()

def legacy():
    return urlopen('https://legacy.internal/ping').read()
`;
    const r = await analyze('python', 'poll.py', src);
    expect(r.calls).toEqual([
      call('poll', 'http', 'aiohttp', 'https://status.internal/health', 6),
      call('legacy', 'http', 'urllib', 'https://legacy.internal/ping', 10),
    ]);
  });

  it('recognises pymongo collections and Elasticsearch indexes', async () => {
    const src = `from pymongo import MongoClient
from elasticsearch import Elasticsearch

db = MongoClient()['shop']
es = Elasticsearch('http://es:9200')

def index_product(p):
    db.products.insert_one(p)
    db['audit'].find_one({'id': p['id']})
    es.index(index='products', document=p)
`;
    const r = await analyze('python', 'search.py', src);
    expect(r.calls).toEqual([
      call('index_product', 'mongo', 'pymongo', 'products', 8),
      call('index_product', 'mongo', 'pymongo', 'audit', 9),
      call('index_product', 'elasticsearch', 'elasticsearch-py', 'products', 10),
    ]);
  });
});

describe('Python command-line commands', () => {
  it('reads a Django management command from its file name, attached to its handle method', async () => {
    const src = `from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = 'Closes the poll'

    def add_arguments(self, parser):
        parser.add_argument('poll_ids', nargs='+', type=int)

    def handle(self, *args, **options):
        pass
`;
    expect((await analyze('python', 'polls/management/commands/closepoll.py', src)).entryPoints).toEqual([
      ep({ kind: 'main', framework: 'django', queue: 'closepoll', line: 4, symbol: 'handle' }),
    ]);
    // The same class elsewhere, or in a private module of the commands folder, is no command.
    expect((await analyze('python', 'polls/commands/closepoll.py', src)).entryPoints).toEqual([]);
    expect((await analyze('python', 'polls/management/commands/_shared.py', src)).entryPoints).toEqual([]);
  });

  it('reads Click, Typer and Flask CLI commands by the name they are run by', async () => {
    const click = `import click

@click.group()
def cli():
    pass

@cli.command()
def init_db():
    pass

@cli.command('drop')
@click.option('--yes', is_flag=True)
def drop_tables(yes):
    pass

@cache.command_handler()
def not_a_command():
    pass
`;
    expect((await analyze('python', 'tool/cli.py', click)).entryPoints).toEqual([
      ep({ kind: 'main', framework: 'click', queue: 'cli', line: 3, symbol: 'cli' }),
      ep({ kind: 'main', framework: 'click', queue: 'init-db', line: 7, symbol: 'init_db' }),
      ep({ kind: 'main', framework: 'click', queue: 'drop', line: 11, symbol: 'drop_tables' }),
    ]);
    const typer = `import typer

app = typer.Typer()

@app.command()
def hello(name: str):
    print(name)
`;
    expect((await analyze('python', 'main.py', typer)).entryPoints).toEqual([
      ep({ kind: 'main', framework: 'typer', queue: 'hello', line: 5, symbol: 'hello' }),
    ]);
    const flask = `from flask import Flask

app = Flask(__name__)

@app.cli.command('init-db')
def init_db_command():
    pass
`;
    expect((await analyze('python', 'app.py', flask)).entryPoints).toEqual([
      ep({ kind: 'main', framework: 'flask', queue: 'init-db', line: 5, symbol: 'init_db_command' }),
    ]);
  });
});
