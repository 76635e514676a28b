import { describe, expect, it } from 'vitest';
import { analyze, call, ep, http } from './helpers.js';

describe('ASP.NET entry points', () => {
  it('joins controller routes with [controller] and [action] tokens', async () => {
    const src = `using Microsoft.AspNetCore.Mvc;

namespace Shop.Api.Controllers;

[ApiController]
[Route("api/[controller]")]
public class OrdersController : ControllerBase
{
    [HttpGet]
    public IActionResult List() => Ok();

    [HttpGet("{id:int}")]
    public IActionResult Get(int id) => Ok();

    [HttpPost]
    [Route("/absolute/orders")]
    public IActionResult Create() => Ok();

    [Route("[action]")]
    public IActionResult SearchAsync() => Ok();

    [AcceptVerbs("PUT", "PATCH", Route = "{id}")]
    public IActionResult Update(int id) => Ok();

    public IActionResult NotRouted() => Ok();
}
`;
    const r = await analyze('csharp', 'Shop.Api/Controllers/OrdersController.cs', src);
    expect(r.entryPoints).toEqual([
      http('aspnet', 'GET', '/api/Orders', 9, 'List'),
      http('aspnet', 'GET', '/api/Orders/{id:int}', 12, 'Get'),
      http('aspnet', 'POST', '/absolute/orders', 15, 'Create'),
      http('aspnet', 'ANY', '/api/Orders/Search', 19, 'SearchAsync'),
      http('aspnet', 'PUT', '/api/Orders/{id}', 22, 'Update'),
      http('aspnet', 'PATCH', '/api/Orders/{id}', 22, 'Update'),
    ]);
  });

  it('reads minimal APIs with MapGroup prefixes and top-level Program.cs', async () => {
    const src = `var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

var todos = app.MapGroup("/todos");
todos.MapGet("/", TodoHandlers.GetAll);
todos.MapGet("/{id}", (int id, TodoDb db) => db.Find(id));
app.MapGroup("/admin").MapDelete("/cache", () => Results.NoContent());
app.MapMethods("/ping", new[] { "GET", "HEAD" }, () => "pong");

app.Run();
`;
    const r = await analyze('csharp', 'src/Api/Program.cs', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'main', framework: 'main', line: 1 }),
      http('aspnet', 'GET', '/todos', 5, null, 'TodoHandlers.GetAll'),
      http('aspnet', 'GET', '/todos/{id}', 6, null, null),
      http('aspnet', 'DELETE', '/admin/cache', 7, null, null),
      http('aspnet', 'GET', '/ping', 8, null, null),
      http('aspnet', 'HEAD', '/ping', 8, null, null),
    ]);
  });

  it('finds static Main, Azure Functions triggers, Hangfire and MassTransit consumers', async () => {
    const src = `using Hangfire;

public static class Program
{
    public static async Task<int> Main(string[] args) { return 0; }
}

public class Functions
{
    [Function("Cleanup")]
    public void Cleanup([TimerTrigger("0 */5 * * * *")] TimerInfo timer) {}

    [FunctionName("GetItem")]
    public IActionResult GetItem([HttpTrigger(AuthorizationLevel.Function, "get", Route = "items/{id}")] HttpRequest req) => null;

    [Function("OnOrder")]
    public void OnOrder([ServiceBusTrigger("orders", Connection = "Bus")] string message) {}

    public void Register() {
        RecurringJob.AddOrUpdate("nightly", () => Nightly(), Cron.Daily);
    }
}

public class OrderPlacedConsumer : IConsumer<OrderPlaced>
{
    public Task Consume(ConsumeContext<OrderPlaced> context) => Task.CompletedTask;
}
`;
    const r = await analyze('csharp', 'Functions.cs', src);
    expect(r.entryPoints).toEqual([
      ep({ kind: 'main', framework: 'main', line: 5, symbol: 'Main' }),
      ep({ kind: 'schedule', framework: 'azure-functions', schedule: '0 */5 * * * *', line: 11, symbol: 'Cleanup' }),
      http('azure-functions', 'GET', '/api/items/{id}', 14, 'GetItem'),
      ep({ kind: 'listener', framework: 'azure-functions', queue: 'orders', line: 17, symbol: 'OnOrder' }),
      ep({ kind: 'schedule', framework: 'hangfire', schedule: 'Cron.Daily', line: 20, symbol: 'Register' }),
      ep({ kind: 'listener', framework: 'masstransit', queue: 'OrderPlaced', line: 24, symbol: 'Consume' }),
    ]);
  });
});

describe('C# external calls', () => {
  it('recognises HttpClient, EF Core, Dapper, ADO.NET, Redis and Kafka', async () => {
    const src = `using Confluent.Kafka;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

public class OrderService
{
    private readonly HttpClient _http;
    private readonly ShopDbContext _db;
    private readonly IDatabase _cache;
    private readonly IProducer<string, string> _producer;

    public async Task<Order> Get(int id)
    {
        var stock = await _http.GetFromJsonAsync<Stock>($"https://stock.internal/items/{id}");
        var order = await _db.Orders.FirstOrDefaultAsync(o => o.Id == id);
        var lines = await _db.Set<OrderLine>().ToListAsync();
        var legacy = await conn.QueryAsync<Order>("SELECT * FROM legacy_orders WHERE id = @id", new { id });
        using var cmd = new SqlCommand("DELETE FROM locks WHERE order_id = @id", conn);
        await _cache.StringSetAsync($"order:{id}", "1");
        await _producer.ProduceAsync("orders.viewed", new Message<string, string>());
        await _db.SaveChangesAsync();
        var n = dict.GetValueOrDefault("x");
        return order;
    }
}
`;
    const r = await analyze('csharp', 'OrderService.cs', src);
    expect(r.calls).toEqual([
      call('Get', 'http', 'HttpClient', 'https://stock.internal/items/', 14),
      call('Get', 'orm', 'EF Core', 'Orders', 15),
      call('Get', 'orm', 'EF Core', 'OrderLine', 16),
      call('Get', 'sql', 'Dapper', 'legacy_orders', 17),
      call('Get', 'sql', 'ADO.NET', 'locks', 18),
      call('Get', 'redis', 'StackExchange.Redis', 'order:', 19),
      call('Get', 'queue', 'Confluent.Kafka', 'orders.viewed', 20),
    ]);
  });
});

describe('C and C++ mains', () => {
  it('finds a top-level int main only', async () => {
    const src = `#include <stdio.h>
int main(int argc, char **argv) { return 0; }
namespace tools { int main() { return 1; } }
`;
    const r = await analyze('cpp', 'src/main.cpp', src);
    expect(r.entryPoints).toEqual([ep({ kind: 'main', framework: 'main', line: 2, symbol: 'main' })]);
  });
});
