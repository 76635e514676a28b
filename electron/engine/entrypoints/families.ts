// The language families, each pairing its node types with its two detectors.
import type { Family } from './context.js';
import { csharpEntryPoints } from './csharp.js';
import { csharpCalls } from './csharpCalls.js';
import { csharpJobs } from './csharpJobs.js';
import { CS_TYPES } from './csharpSyntax.js';
import { goMain, goRoutes } from './go.js';
import { goCalls } from './goCalls.js';
import { goCommands } from './goCommands.js';
import { goJobs } from './goJobs.js';
import { GO_TYPES } from './goSyntax.js';
import { javaCalls } from './javaCalls.js';
import { javaEntryPoints } from './java.js';
import { JAVA_TYPES } from './javaSyntax.js';
import { nestEntryPoints } from './nest.js';
import { nodeRoutes } from './node.js';
import { nodeCalls } from './nodeCalls.js';
import { nodeCommands } from './nodeCommands.js';
import { nodeJobs } from './nodeJobs.js';
import { JS_TYPES } from './nodeSyntax.js';
import { djangoRoutes, pythonRoutes } from './python.js';
import { pythonCalls } from './pythonCalls.js';
import { pythonCommands } from './pythonCommands.js';
import { pythonJobs } from './pythonJobs.js';
import { PY_TYPES, pyScope } from './pythonSyntax.js';
import { rustEntryPoints } from './rust.js';
import { rustCalls } from './rustCalls.js';
import { rustCommands } from './rustCommands.js';
import { RUST_TYPES } from './rustSyntax.js';

export const java: Family = { types: JAVA_TYPES, entryPoints: javaEntryPoints, calls: javaCalls };

// A client module imported by name, `fetch(`, an ORM type, a store object or a string starting with SQL: without one, no external calls.
const JS_CALL_HINT = new RegExp([
  String.raw`fetch\s*\(`,
  String.raw`['"](?:axios|got|node-fetch|cross-fetch|undici|superagent|(?:node:)?https?|pg|mysql2?(?:/promise)?|better-sqlite3|sqlite3|knex|ioredis|redis|kafkajs|amqplib[\w/]*|mongodb|mongoose|@elastic/elasticsearch|typeorm|@prisma/client|@nestjs/axios|@angular/common/http|aws-sdk|@aws-sdk/client-sqs)['"]`,
  String.raw`prisma|Repository<|Model<|HttpService`,
  // The code's own store objects: a call on a repository or DAO, one typed as such, a model class's ORM method.
  String.raw`(?:Repository|Repo|Dao)\s*\??\.\s*[a-z]\w*\s*\(|:\s*\w*(?:Repository|Repo|Dao)`,
  String.raw`\.(?:findAll|findByPk|findAndCountAll|findOrCreate|bulkCreate|findById|findByIdAnd\w+|findOneAndUpdate|countDocuments|insertMany|getRepository|getCustomRepository)\s*\(`,
  String.raw`['"\x60]\s*(?:SELECT|INSERT|UPDATE|DELETE|WITH)\s`,
].join('|'), 'i');

export const node: Family = {
  types: JS_TYPES,
  entryPoints(ctx, out) {
    nodeRoutes(ctx, out);
    nestEntryPoints(ctx, out);
    nodeJobs(ctx, out);
    nodeCommands(ctx, out);
  },
  calls(ctx, out) {
    if (JS_CALL_HINT.test(ctx.source)) nodeCalls(ctx, out);
  },
};

const PY_CALL_HINT = /_repository|_repo\b|_dao\b|requests|httpx|aiohttp|urlopen|execute|fetch|read_sql|query|objects|redis|kafka|pika|send_task|boto3|mongo|elasticsearch/;

export const python: Family = {
  types: PY_TYPES,
  entryPoints(ctx, out) {
    pythonRoutes(ctx, out);
    djangoRoutes(ctx, out);
    pythonJobs(ctx, out);
    pythonCommands(ctx, out);
  },
  calls(ctx, out) {
    if (PY_CALL_HINT.test(ctx.source)) pythonCalls(ctx, pyScope(ctx), out);
  },
};

// An import of a client library or net/http, a string starting with SQL, or a call on a repository or DAO: without one,
// goCalls finds nothing, and 8 in 10 Go files would pay a tree walk and a read of every call for it.
const GO_CALL_HINT = new RegExp([
  String.raw`net/http|go-resty/resty|gorm\.io/gorm|jinzhu/gorm|go-redis/redis|redis/go-redis|streadway/amqp|amqp091|mongo-driver`,
  String.raw`olivere/elastic|elastic/go-elasticsearch|sarama|segmentio/kafka-go`,
  String.raw`["\x60](?:\s|\\[tnr]|\()*(?:select|insert|update|delete|with|merge|replace|upsert|create|alter|drop|truncate|call|exec)\b`,
  String.raw`(?:Repository|Repo|Dao|DAO|_repository|_repo|_dao|\brepository|\brepo|\bdao)\s*\.\s*[A-Z]`,
].join('|'), 'i');

export const go: Family = {
  types: GO_TYPES,
  entryPoints(ctx, out) {
    goMain(ctx, out);
    goRoutes(ctx, out);
    goJobs(ctx, out);
    goCommands(ctx, out);
  },
  calls(ctx, out) {
    if (GO_CALL_HINT.test(ctx.source)) goCalls(ctx, out);
  },
};

export const rust: Family = {
  types: RUST_TYPES,
  entryPoints(ctx, out) {
    rustEntryPoints(ctx, out);
    rustCommands(ctx, out);
  },
  calls: rustCalls,
};

export const csharp: Family = {
  types: CS_TYPES,
  entryPoints(ctx, out) {
    csharpEntryPoints(ctx, out);
    csharpJobs(ctx, out);
  },
  calls: csharpCalls,
};
