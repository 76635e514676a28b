import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../../../electron/engine/analyze.js';
import { analyze, call, ep, http } from './helpers.js';

describe('Kotlin entry points', () => {
  it('joins Spring controller class and function mappings', async () => {
    const src = `package com.acme.web

@RestController
@RequestMapping(value = ["/api", "/v2"])
class UserController(private val users: UserService) {
    @GetMapping("/users/{id}")
    fun get(@PathVariable id: Long): User = users.get(id)

    @RequestMapping(path = ["/users"], method = [RequestMethod.POST, RequestMethod.PUT])
    suspend fun save(@RequestBody u: User): User {
        return u
    }

    @DeleteMapping(path = ["/users/{id}"])
    fun remove(@PathVariable id: Long) {}

    @RequestMapping("/ping")
    fun ping() = "pong"

    @PatchMapping
    fun patchRoot() {}

    fun helper() {}
}

@Controller
@RequestMapping(path = arrayOf("/pages"))
class PageController {
    @org.springframework.web.bind.annotation.PutMapping(Paths.PAGE)
    fun page(): String = "page"
}
`;
    const r = await analyze('kotlin', 'src/main/kotlin/com/acme/web/UserController.kt', src);
    expect(r.entryPoints).toEqual([
      http('spring', 'GET', '/api/users/{id}', 6, 'get'),
      http('spring', 'GET', '/v2/users/{id}', 6, 'get'),
      http('spring', 'POST', '/api/users', 9, 'save'),
      http('spring', 'PUT', '/api/users', 9, 'save'),
      http('spring', 'POST', '/v2/users', 9, 'save'),
      http('spring', 'PUT', '/v2/users', 9, 'save'),
      http('spring', 'DELETE', '/api/users/{id}', 14, 'remove'),
      http('spring', 'DELETE', '/v2/users/{id}', 14, 'remove'),
      http('spring', 'ANY', '/api/ping', 17, 'ping'),
      http('spring', 'ANY', '/v2/ping', 17, 'ping'),
      http('spring', 'PATCH', '/api', 20, 'patchRoot'),
      http('spring', 'PATCH', '/v2', 20, 'patchRoot'),
      http('spring', 'PUT', '/pages/Paths.PAGE', 29, 'page'),
    ]);
  });

  it('ignores mapping annotations outside controllers (Feign clients, plain classes)', async () => {
    const src = `@FeignClient(name = "users", url = "\\\${users.url}")
interface UsersClient {
    @GetMapping("/users/{id}")
    fun get(@PathVariable("id") id: Long): User
}

@Service
class NotAController {
    @GetMapping("/x")
    fun x() {}
}
`;
    const r = await analyze('kotlin', 'UsersClient.kt', src);
    expect(r.entryPoints).toEqual([]);
    expect(r.calls).toEqual([call('UsersClient', 'http', 'Feign', '${users.url}', 1)]);
  });

  it('reads @Scheduled variants', async () => {
    const src = `@Component
class Jobs {
    @Scheduled(cron = "0 0 * * * *")
    fun hourly() {}

    @Scheduled(fixedRate = 5000)
    fun rate() {}

    @Scheduled(fixedDelayString = "\\\${jobs.delay}", initialDelay = 1000)
    fun delay() {}

    @Scheduled(fixedRate = FIVE_MINUTES)
    fun constant() {}

    @Scheduled(cron = "0 0 1 * * *")
    @Scheduled(cron = "0 0 13 * * *")
    fun twice() {}

    @Schedules(Scheduled(cron = "0 0 2 * * *"), Scheduled(fixedDelay = 10))
    fun grouped() {}
}
`;
    const r = await analyze('kotlin', 'Jobs.kt', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'schedule', framework: 'spring', schedule: 'cron=0 0 * * * *', line: 3, symbol: 'hourly' }),
      ep({ kind: 'schedule', framework: 'spring', schedule: 'fixedRate=5000', line: 6, symbol: 'rate' }),
      ep({ kind: 'schedule', framework: 'spring', schedule: 'fixedDelayString=${jobs.delay}', line: 9, symbol: 'delay' }),
      ep({ kind: 'schedule', framework: 'spring', schedule: 'fixedRate=FIVE_MINUTES', line: 12, symbol: 'constant' }),
      ep({ kind: 'schedule', framework: 'spring', schedule: 'cron=0 0 1 * * *', line: 15, symbol: 'twice' }),
      ep({ kind: 'schedule', framework: 'spring', schedule: 'cron=0 0 13 * * *', line: 16, symbol: 'twice' }),
      ep({ kind: 'schedule', framework: 'spring', schedule: 'cron=0 0 2 * * *', line: 19, symbol: 'grouped' }),
      ep({ kind: 'schedule', framework: 'spring', schedule: 'fixedDelay=10', line: 19, symbol: 'grouped' }),
    ]);
  });

  it('reads message listeners and their destinations', async () => {
    const src = `@Service
class Listeners {
    @KafkaListener(topics = ["orders", "payments"], groupId = "billing")
    fun onOrder(msg: String) {}

    @KafkaListener(topics = arrayOf("audit"))
    fun onAudit(msg: String) {}

    @RabbitListener(queues = ["emails"])
    fun onEmail(m: Message) {}

    @RabbitListener(bindings = [QueueBinding(value = Queue("invoices"), exchange = Exchange("billing"))])
    fun onInvoice(m: Message) {}

    @JmsListener(destination = "inbound.queue")
    fun onJms(m: String) {}

    @SqsListener("uploads")
    fun onUpload(m: String) {}

    @KafkaListener(topics = [Topics.SHIPPING])
    fun onShipping(m: String) {}
}

@KafkaListener(topics = ["multi"])
class MultiHandler {
    @KafkaHandler
    fun onString(s: String) {}
}
`;
    const r = await analyze('kotlin', 'Listeners.kt', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'listener', framework: 'kafka', queue: 'orders,payments', line: 3, symbol: 'onOrder' }),
      ep({ kind: 'listener', framework: 'kafka', queue: 'audit', line: 6, symbol: 'onAudit' }),
      ep({ kind: 'listener', framework: 'rabbitmq', queue: 'emails', line: 9, symbol: 'onEmail' }),
      ep({ kind: 'listener', framework: 'rabbitmq', queue: 'invoices', line: 12, symbol: 'onInvoice' }),
      ep({ kind: 'listener', framework: 'jms', queue: 'inbound.queue', line: 15, symbol: 'onJms' }),
      ep({ kind: 'listener', framework: 'sqs', queue: 'uploads', line: 18, symbol: 'onUpload' }),
      ep({ kind: 'listener', framework: 'kafka', queue: 'Topics.SHIPPING', line: 21, symbol: 'onShipping' }),
      ep({ kind: 'listener', framework: 'kafka', queue: 'multi', line: 27, symbol: 'onString' }),
    ]);
  });

  it('reads Ktor routing blocks, nested route prefixes and Route extensions', async () => {
    const src = `package com.acme

import io.ktor.server.application.*
import io.ktor.server.routing.*

fun main() {
    embeddedServer(Netty, port = 8080) { module() }.start(wait = true)
}

fun Application.configureRouting() {
    routing {
        get("/") { call.respondText("hi") }
        route("/api") {
            post("/users") {
                call.respond(client.get("https://example.com/x"))
                get("/not-a-route") { }
            }
            route("/v1") {
                get { }
                authenticate("auth") {
                    delete("/items/{id}") { }
                }
            }
            route("/raw", HttpMethod.Put) { handle { } }
            get<UserResource> { }
        }
        userRoutes()
    }
}

fun Route.userRoutes() {
    route("/customers") {
        get("{id?}") { }
        patch(Paths.ONE, ::update)
    }
}

fun Route.health() = head("/health") { }
`;
    const r = await analyze('kotlin', 'src/main/kotlin/com/acme/Routing.kt', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'main', framework: 'main', line: 6, symbol: 'main' }),
      http('ktor', 'GET', '/', 12, 'configureRouting'),
      http('ktor', 'POST', '/api/users', 14, 'configureRouting'),
      http('ktor', 'GET', '/api/v1', 19, 'configureRouting'),
      http('ktor', 'DELETE', '/api/v1/items/{id}', 21, 'configureRouting'),
      http('ktor', 'PUT', '/api/raw', 24, 'configureRouting'),
      http('ktor', 'GET', '/customers/{id?}', 33, 'userRoutes'),
      http('ktor', 'PATCH', '/customers/Paths.ONE', 34, 'userRoutes'),
      http('ktor', 'HEAD', '/health', 38, 'health'),
    ]);
  });

  it('reads routes in an embeddedServer block inside main', async () => {
    const src = `import io.ktor.server.engine.*

fun main() {
    embeddedServer(Netty, port = 8080) {
        install(Routing) {
            get("/status") { call.respond("ok") }
        }
    }.start(wait = true)
}
`;
    const r = await analyze('kotlin', 'Server.kt', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'main', framework: 'main', line: 3, symbol: 'main' }),
      http('ktor', 'GET', '/status', 6, 'main'),
    ]);
  });

  it('finds no Ktor routes without io.ktor or outside routing', async () => {
    const noKtor = `fun setup() {
    routing {
        get("/x") { }
    }
}
`;
    expect((await analyze('kotlin', 'NoKtor.kt', noKtor)).entryPoints).toEqual([]);
    const outside = `import io.ktor.client.*

fun fetch(cache: Cache) {
    get("/x") { }
    cache.get("/y") { }
}
`;
    expect((await analyze('kotlin', 'Outside.kt', outside)).entryPoints).toEqual([]);
  });

  it('finds top-level and @JvmStatic mains and ignores look-alikes', async () => {
    const src = `@SpringBootApplication
class App

fun main(args: Array<String>) {
    runApplication<App>(*args)
}

class Tool {
    companion object {
        @JvmStatic
        fun main(args: Array<String>) {}
    }
}

object Other {
    fun main(args: Array<String>) {}
}

fun String.main() {}
fun main(x: Int, y: Int) {}
class Inner { fun main() {} }
`;
    const r = await analyze('kotlin', 'App.kt', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'main', framework: 'main', line: 4, symbol: 'main' }),
      ep({ kind: 'main', framework: 'main', line: 11, symbol: 'main' }),
    ]);
  });

  it('never throws on broken code', async () => {
    const src = `import io.ktor.server.routing.*
@RestController
@RequestMapping("/api"
class A {
  @GetMapping(value = [
  fun x( {
  routing { get("/x" {
  @Scheduled(cron =
  fun main(args: Array<String>`;
    const r = await analyzeFile('kotlin', 'Broken.kt', src);
    expect(r.warnings).toEqual([]);
  });
});

describe('Kotlin external calls', () => {
  it('recognises Spring clients by declared type and conventional names', async () => {
    const src = `@Service
class OrderService(
    private val restTemplate: RestTemplate,
    private val jdbc: JdbcTemplate,
    private val kafka: KafkaTemplate<String, Order>,
    private val redis: StringRedisTemplate,
    private val client: WebClient,
    private val orderRepository: OrderRepository,
) {
    fun place(o: Order): Order {
        restTemplate.postForObject("http://inventory/api/reserve/" + o.id, o, Void::class.java)
        jdbc.update("INSERT INTO orders (id, total) VALUES (?, ?)", o.id, o.total)
        kafka.send("orders.placed", o)
        redis.opsForValue().set("order:\${o.id}", "placed")
        client.get().uri("/prices/{id}", o.id).retrieve()
        rabbitTemplate.convertAndSend("billing", "invoice.created", o)
        orderRepository.save(o)
        return o
    }

    fun recent(): List<Order> {
        val sql = """
            SELECT * FROM orders ORDER BY created DESC
        """.trimIndent()
        return jdbc.query(sql) { rs, _ -> map(rs) }
    }
}
`;
    const r = await analyze('kotlin', 'OrderService.kt', src);
    expect(r.calls).toEqual([
      call('place', 'http', 'RestTemplate', 'http://inventory/api/reserve/', 11),
      call('place', 'sql', 'JdbcTemplate', 'orders', 12),
      call('place', 'queue', 'KafkaTemplate', 'orders.placed', 13),
      call('place', 'redis', 'RedisTemplate', 'order:', 14),
      call('place', 'http', 'WebClient', '/prices/{id}', 15),
      call('place', 'queue', 'RabbitTemplate', 'billing', 16),
      call('place', 'data-access', 'OrderRepository', 'save', 17),
      call('recent', 'sql', 'JdbcTemplate', 'orders', 25),
    ]);
  });

  it('reads the Ktor client and Spring Data @Query', async () => {
    const src = `import io.ktor.client.*

class Api(private val http: HttpClient) {
    private val other = HttpClient(CIO)

    suspend fun load(id: String) {
        http.get("https://api.example.com/items/$id")
        other.post("https://hooks.example.com/notify") { setBody(id) }
        client.get("https://fallback.example.com")
    }
}

interface UserRepository : JpaRepository<User, Long> {
    @Query("SELECT u FROM User u WHERE u.email = ?1")
    fun byEmail(email: String): User

    @Query(value = "SELECT * FROM users WHERE active", nativeQuery = true)
    fun active(): List<User>
}
`;
    const r = await analyze('kotlin', 'Api.kt', src);
    expect(r.calls).toEqual([
      call('load', 'http', 'ktor-client', 'https://api.example.com/items/', 7),
      call('load', 'http', 'ktor-client', 'https://hooks.example.com/notify', 8),
      call('load', 'http', 'ktor-client', 'https://fallback.example.com', 9),
      call('byEmail', 'orm', 'Spring Data JPA', 'User', 14),
      call('active', 'sql', 'Spring Data JPA', 'users', 17),
    ]);
  });

  it('ignores look-alike calls on unknown receivers', async () => {
    const src = `class Cache {
    fun run(map: Map<String, String>, list: MutableList<String>, client: Client) {
        map.get("key")
        list.add("x")
        service.send("hello")
        builder.query("not sql")
        client.get("https://not.ktor")
    }
}
`;
    const r = await analyze('kotlin', 'Cache.kt', src);
    expect(r.calls).toEqual([]);
  });
});
