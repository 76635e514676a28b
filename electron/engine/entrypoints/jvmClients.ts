// The JVM clients Java and Kotlin code reaches outside systems through, recognised by their declared type.
import type { ExternalKind } from '../../base/fileAnalysis.js';

export type Target = 'url' | 'uri' | 'sql' | 'key' | 'name' | 'entity' | 'none';
export interface Client { kind: ExternalKind; client: string; methods: ReadonlySet<string>; target: Target }

export const set = (...names: string[]): ReadonlySet<string> => new Set(names);
const REDIS_COMMANDS = set('get', 'set', 'setex', 'setnx', 'del', 'delete', 'exists', 'hasKey', 'expire', 'incr', 'incrBy', 'increment', 'decr',
  'hget', 'hset', 'hgetAll', 'hdel', 'lpush', 'rpush', 'lpop', 'rpop', 'leftPush', 'rightPush', 'leftPop', 'rightPop', 'sadd', 'srem', 'smembers',
  'zadd', 'zrange', 'add', 'members', 'put', 'entries', 'publish', 'convertAndSend', 'setIfAbsent', 'getAndSet', 'multiGet', 'range', 'keys');
const WEB_VERBS = set('get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'method');
const JDBC_TEMPLATE = set('query', 'queryForObject', 'queryForList', 'queryForMap', 'queryForRowSet', 'queryForStream', 'update', 'batchUpdate', 'execute');
const SEND = set('send', 'convertAndSend', 'convertSendAndReceive', 'sendAndReceive', 'sendDefault');
const MONGO = set('find', 'findOne', 'findById', 'findAll', 'findAndModify', 'findAndRemove', 'insert', 'insertAll', 'save', 'upsert', 'updateFirst', 'updateMulti', 'remove', 'aggregate', 'count', 'exists');
const MONGO_COLLECTION = set('find', 'insertOne', 'insertMany', 'updateOne', 'updateMany', 'deleteOne', 'deleteMany', 'replaceOne', 'aggregate', 'countDocuments', 'findOneAndUpdate');
const ELASTIC = set('search', 'index', 'get', 'update', 'delete', 'bulk', 'count', 'msearch', 'save');

export const JVM_CLIENTS: Record<string, Client> = {
  RestTemplate: { kind: 'http', client: 'RestTemplate', methods: set('getForObject', 'getForEntity', 'postForObject', 'postForEntity', 'postForLocation', 'put', 'patchForObject', 'delete', 'exchange', 'execute', 'headForHeaders', 'optionsForAllow'), target: 'url' },
  WebClient: { kind: 'http', client: 'WebClient', methods: WEB_VERBS, target: 'uri' },
  RestClient: { kind: 'http', client: 'RestClient', methods: WEB_VERBS, target: 'uri' },
  HttpClient: { kind: 'http', client: 'HttpClient', methods: set('send', 'sendAsync'), target: 'none' },
  OkHttpClient: { kind: 'http', client: 'OkHttp', methods: set('newCall'), target: 'none' },
  JdbcTemplate: { kind: 'sql', client: 'JdbcTemplate', methods: JDBC_TEMPLATE, target: 'sql' },
  NamedParameterJdbcTemplate: { kind: 'sql', client: 'JdbcTemplate', methods: JDBC_TEMPLATE, target: 'sql' },
  JdbcClient: { kind: 'sql', client: 'JdbcClient', methods: set('sql'), target: 'sql' },
  EntityManager: { kind: 'orm', client: 'EntityManager', methods: set('createQuery', 'createNativeQuery', 'find', 'getReference', 'persist', 'merge', 'remove', 'refresh'), target: 'entity' },
  Jedis: { kind: 'redis', client: 'Jedis', methods: REDIS_COMMANDS, target: 'key' },
  JedisCluster: { kind: 'redis', client: 'Jedis', methods: REDIS_COMMANDS, target: 'key' },
  JedisPooled: { kind: 'redis', client: 'Jedis', methods: REDIS_COMMANDS, target: 'key' },
  RedisTemplate: { kind: 'redis', client: 'RedisTemplate', methods: REDIS_COMMANDS, target: 'key' },
  StringRedisTemplate: { kind: 'redis', client: 'RedisTemplate', methods: REDIS_COMMANDS, target: 'key' },
  ReactiveRedisTemplate: { kind: 'redis', client: 'RedisTemplate', methods: REDIS_COMMANDS, target: 'key' },
  KafkaTemplate: { kind: 'queue', client: 'KafkaTemplate', methods: set('send'), target: 'name' },
  RabbitTemplate: { kind: 'queue', client: 'RabbitTemplate', methods: SEND, target: 'name' },
  AmqpTemplate: { kind: 'queue', client: 'RabbitTemplate', methods: SEND, target: 'name' },
  JmsTemplate: { kind: 'queue', client: 'JmsTemplate', methods: SEND, target: 'name' },
  SqsTemplate: { kind: 'queue', client: 'SqsTemplate', methods: set('send', 'sendAsync'), target: 'name' },
  QueueMessagingTemplate: { kind: 'queue', client: 'SqsTemplate', methods: SEND, target: 'name' },
  AmazonSQS: { kind: 'queue', client: 'SQS', methods: set('sendMessage', 'sendMessageBatch'), target: 'name' },
  SqsClient: { kind: 'queue', client: 'SQS', methods: set('sendMessage', 'sendMessageBatch'), target: 'none' },
  MongoTemplate: { kind: 'mongo', client: 'MongoTemplate', methods: MONGO, target: 'entity' },
  ReactiveMongoTemplate: { kind: 'mongo', client: 'MongoTemplate', methods: MONGO, target: 'entity' },
  MongoDatabase: { kind: 'mongo', client: 'MongoClient', methods: set('getCollection'), target: 'name' },
  MongoCollection: { kind: 'mongo', client: 'MongoClient', methods: MONGO_COLLECTION, target: 'none' },
  RestHighLevelClient: { kind: 'elasticsearch', client: 'RestHighLevelClient', methods: ELASTIC, target: 'none' },
  ElasticsearchClient: { kind: 'elasticsearch', client: 'ElasticsearchClient', methods: ELASTIC, target: 'none' },
  ElasticsearchOperations: { kind: 'elasticsearch', client: 'ElasticsearchOperations', methods: ELASTIC, target: 'none' },
  ElasticsearchRestTemplate: { kind: 'elasticsearch', client: 'ElasticsearchOperations', methods: ELASTIC, target: 'none' },
};
