import { describe, expect, it } from 'vitest';
import { analyze, call, ep, http } from './helpers.js';

describe('Java entry points', () => {
  it('joins Spring class and method mappings, one entry per path and method', async () => {
    const src = `package com.acme.web;

@RestController
@RequestMapping({"/api", "/v2"})
public class UserController {
  @GetMapping("/users/{id}")
  public User get(@PathVariable long id) { return null; }

  @RequestMapping(value = "/users", method = {RequestMethod.POST, RequestMethod.PUT})
  public User save(@RequestBody User u) { return u; }

  @DeleteMapping(path = "/users/{id}")
  public void remove(@PathVariable long id) {}

  @RequestMapping("/ping")
  public String ping() { return "pong"; }

  @PatchMapping
  public void patchRoot() {}

  public void helper() {}
}
`;
    const r = await analyze('java', 'src/main/java/com/acme/web/UserController.java', src);
    expect(r.entryPoints).toEqual([
      http('spring', 'GET', '/api/users/{id}', 6, 'get'),
      http('spring', 'GET', '/v2/users/{id}', 6, 'get'),
      http('spring', 'POST', '/api/users', 9, 'save'),
      http('spring', 'PUT', '/api/users', 9, 'save'),
      http('spring', 'POST', '/v2/users', 9, 'save'),
      http('spring', 'PUT', '/v2/users', 9, 'save'),
      http('spring', 'DELETE', '/api/users/{id}', 12, 'remove'),
      http('spring', 'DELETE', '/v2/users/{id}', 12, 'remove'),
      http('spring', 'ANY', '/api/ping', 15, 'ping'),
      http('spring', 'ANY', '/v2/ping', 15, 'ping'),
      http('spring', 'PATCH', '/api', 18, 'patchRoot'),
      http('spring', 'PATCH', '/v2', 18, 'patchRoot'),
    ]);
  });

  it('handles multi-path arrays and static-imported methods without a class prefix', async () => {
    const src = `@Controller
class PageController {
  @RequestMapping(path = {"/a", "/b"}, method = GET)
  String page() { return "page"; }
}
`;
    const r = await analyze('java', 'PageController.java', src);
    expect(r.entryPoints).toEqual([http('spring', 'GET', '/a', 3, 'page'), http('spring', 'GET', '/b', 3, 'page')]);
  });

  it('keeps constant paths as written instead of dropping them', async () => {
    const src = `@RestController
@RequestMapping(Api.BASE)
class ConstController {
  @GetMapping(Api.USERS)
  List<User> users() { return null; }
}
`;
    const r = await analyze('java', 'ConstController.java', src);
    expect(r.entryPoints).toEqual([http('spring', 'GET', '/Api.BASE/Api.USERS', 4, 'users')]);
  });

  it('reads JAX-RS @Path on class and method with verb annotations', async () => {
    const src = `@Path("/orders")
@Produces("application/json")
public class OrderResource {
  @GET
  public List<Order> list() { return null; }

  @POST
  @Path("{id}/cancel")
  public void cancel(@PathParam("id") String id) {}

  @Path("sub")
  public SubResource sub() { return null; }
}
`;
    const r = await analyze('java', 'OrderResource.java', src);
    expect(r.entryPoints).toEqual([
      http('jax-rs', 'GET', '/orders', 4, 'list'),
      http('jax-rs', 'POST', '/orders/{id}/cancel', 7, 'cancel'),
    ]);
  });

  it('does not treat Feign client or Retrofit interfaces as routes', async () => {
    const src = `@FeignClient(name = "users", url = "\${users.url}")
public interface UsersClient {
  @GetMapping("/users/{id}")
  User get(@PathVariable("id") long id);
}

interface GitHub {
  @GET("users/{user}/repos")
  Call<List<Repo>> repos(@Path("user") String user);
}
`;
    const r = await analyze('java', 'UsersClient.java', src);
    expect(r.entryPoints).toEqual([]);
    expect(r.calls).toEqual([
      call('UsersClient', 'http', 'Feign', '${users.url}', 1),
      call('repos', 'http', 'Retrofit', 'users/{user}/repos', 8),
    ]);
  });

  it('reads @Scheduled variants', async () => {
    const src = `@Component
public class Jobs {
  @Scheduled(cron = "0 0 * * * *")
  public void hourly() {}

  @Scheduled(fixedRate = 5000)
  public void rate() {}

  @Scheduled(fixedDelayString = "\${jobs.delay}", initialDelay = 1000)
  public void delay() {}

  @Scheduled(fixedRate = FIVE_MINUTES)
  public void constant() {}

  @Schedules({ @Scheduled(cron = "0 0 1 * * *"), @Scheduled(cron = "0 0 13 * * *") })
  public void twice() {}
}
`;
    const r = await analyze('java', 'Jobs.java', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'schedule', framework: 'spring', schedule: 'cron=0 0 * * * *', line: 3, symbol: 'hourly' }),
      ep({ kind: 'schedule', framework: 'spring', schedule: 'fixedRate=5000', line: 6, symbol: 'rate' }),
      ep({ kind: 'schedule', framework: 'spring', schedule: 'fixedDelayString=${jobs.delay}', line: 9, symbol: 'delay' }),
      ep({ kind: 'schedule', framework: 'spring', schedule: 'fixedRate=FIVE_MINUTES', line: 12, symbol: 'constant' }),
      ep({ kind: 'schedule', framework: 'spring', schedule: 'cron=0 0 1 * * *', line: 15, symbol: 'twice' }),
      ep({ kind: 'schedule', framework: 'spring', schedule: 'cron=0 0 13 * * *', line: 15, symbol: 'twice' }),
    ]);
  });

  it('reads message listeners and their destinations', async () => {
    const src = `@Service
public class Listeners {
  @KafkaListener(topics = {"orders", "payments"}, groupId = "billing")
  public void onOrder(String msg) {}

  @KafkaListener(topics = "audit")
  public void onAudit(String msg) {}

  @RabbitListener(queues = "emails")
  public void onEmail(Message m) {}

  @RabbitListener(bindings = @QueueBinding(value = @Queue("invoices"), exchange = @Exchange("billing")))
  public void onInvoice(Message m) {}

  @JmsListener(destination = "inbound.queue")
  public void onJms(String m) {}

  @SqsListener("uploads")
  public void onUpload(String m) {}

  @StreamListener(Sink.INPUT)
  public void onStream(String m) {}

  @KafkaListener(topics = Topics.SHIPPING)
  public void onShipping(String m) {}
}

@KafkaListener(topics = "multi")
class MultiHandler {
  @KafkaHandler
  public void onString(String s) {}
}
`;
    const r = await analyze('java', 'Listeners.java', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'listener', framework: 'kafka', queue: 'orders,payments', line: 3, symbol: 'onOrder' }),
      ep({ kind: 'listener', framework: 'kafka', queue: 'audit', line: 6, symbol: 'onAudit' }),
      ep({ kind: 'listener', framework: 'rabbitmq', queue: 'emails', line: 9, symbol: 'onEmail' }),
      ep({ kind: 'listener', framework: 'rabbitmq', queue: 'invoices', line: 12, symbol: 'onInvoice' }),
      ep({ kind: 'listener', framework: 'jms', queue: 'inbound.queue', line: 15, symbol: 'onJms' }),
      ep({ kind: 'listener', framework: 'sqs', queue: 'uploads', line: 18, symbol: 'onUpload' }),
      ep({ kind: 'listener', framework: 'spring-cloud-stream', queue: 'Sink.INPUT', line: 21, symbol: 'onStream' }),
      ep({ kind: 'listener', framework: 'kafka', queue: 'Topics.SHIPPING', line: 24, symbol: 'onShipping' }),
      ep({ kind: 'listener', framework: 'kafka', queue: 'multi', line: 30, symbol: 'onString' }),
    ]);
  });

  it('finds public static void main and ignores look-alikes', async () => {
    const src = `public class App {
  public static void main(String[] args) { SpringApplication.run(App.class, args); }
}
class Varargs { static void main(String... args) {} }
class NotMain { public void main(String[] args) {} static int main(String[] a) { return 0; } }
`;
    const r = await analyze('java', 'App.java', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'main', framework: 'main', line: 2, symbol: 'main' }),
      ep({ kind: 'main', framework: 'main', line: 4, symbol: 'main' }),
    ]);
  });
});

describe('Java external calls', () => {
  it('recognises clients by declared type and conventional field names', async () => {
    const src = `@Service
public class OrderService {
  private final RestTemplate restTemplate;
  private final JdbcTemplate jdbc;
  private final KafkaTemplate<String, Order> kafka;
  private final StringRedisTemplate redis;
  private final WebClient client;

  public Order place(Order o) {
    restTemplate.postForObject("http://inventory/api/reserve/" + o.getId(), o, Void.class);
    jdbc.update("INSERT INTO orders (id, total) VALUES (?, ?)", o.getId(), o.getTotal());
    kafka.send("orders.placed", o);
    redis.opsForValue().set("order:" + o.getId(), "placed");
    client.get().uri("/prices/{id}", o.getId()).retrieve();
    rabbitTemplate.convertAndSend("billing", "invoice.created", o);
    return o;
  }

  public List<Order> recent() {
    return jdbc.query("SELECT * FROM orders ORDER BY created DESC", mapper);
  }
}
`;
    const r = await analyze('java', 'OrderService.java', src);
    expect(r.calls).toEqual([
      call('place', 'http', 'RestTemplate', 'http://inventory/api/reserve/', 10),
      call('place', 'sql', 'JdbcTemplate', 'orders', 11),
      call('place', 'queue', 'KafkaTemplate', 'orders.placed', 12),
      call('place', 'redis', 'RedisTemplate', 'order:', 13),
      call('place', 'http', 'WebClient', '/prices/{id}', 14),
      call('place', 'queue', 'RabbitTemplate', 'billing', 15),
      call('recent', 'sql', 'JdbcTemplate', 'orders', 20),
    ]);
  });

  it('reads JDBC, JPA and @Query signals', async () => {
    const src = `public class UserDao {
  @PersistenceContext private EntityManager em;

  public User find(long id) throws SQLException {
    String sql = "SELECT id, name FROM app_users WHERE id = ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.executeQuery();
    }
    stmt.executeUpdate("DELETE FROM sessions WHERE expired = true");
    em.find(User.class, id);
    return em.createQuery("SELECT u FROM User u WHERE u.id = :id", User.class).getSingleResult();
  }
}

interface UserRepository extends JpaRepository<User, Long> {
  @Query("SELECT u FROM User u WHERE u.email = ?1")
  User byEmail(String email);

  @Query(value = "SELECT * FROM users WHERE active", nativeQuery = true)
  List<User> active();
}
`;
    const r = await analyze('java', 'UserDao.java', src);
    expect(r.calls).toEqual([
      call('find', 'sql', 'JDBC', 'app_users', 6),
      call('find', 'sql', 'JDBC', 'sessions', 9),
      call('find', 'orm', 'EntityManager', 'User', 10),
      call('byEmail', 'orm', 'Spring Data JPA', 'User', 16),
      call('active', 'sql', 'Spring Data JPA', 'users', 19),
    ]);
  });

  it('ignores look-alike calls on unknown receivers', async () => {
    const src = `class Cache {
  void run(Map<String, String> map, List<String> list) {
    map.get("key");
    list.add("x");
    service.send("hello");
    builder.query("not sql");
  }
}
`;
    const r = await analyze('java', 'Cache.java', src);
    expect(r.calls).toEqual([]);
  });
});
