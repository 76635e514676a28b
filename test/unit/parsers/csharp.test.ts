import { describe, expect, it } from 'vitest';
import { expectParentsFirst, get, parentOf, symbolsOf } from './helpers.js';

const CONTROLLER = `using System;

namespace Acme.Web
{
    /// <summary>
    /// Serves users.
    /// </summary>
    [ApiController]
    [Route("api/[controller]")]
    public class UsersController : ControllerBase
    {
        private readonly IUserService _service;
        public const int MaxPage = 100;
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

        public string Name { get; set; }

        public UsersController(IUserService service) { _service = service; }

        /// <summary>Gets one user.</summary>
        [HttpGet("{id}")]
        public async Task<ActionResult<User>> Get(int id) { var local = 1; return null; }

        [HttpGet]
        public IActionResult Get([FromQuery] List<string> tags, ref int total) => Ok();

        public class Page { }
    }

    public interface IUserService { User Find(int id); }

    public enum Role { Admin, Guest }

    public record UserDto(string Name);
}
`;

describe('csharp symbols', () => {
  it('qualifies by namespace and class, with parameter types on callables', async () => {
    const symbols = await symbolsOf('csharp', 'Web/UsersController.cs', CONTROLLER);
    expect(symbols.map((s) => `${s.kind} ${s.fqn}`)).toEqual([
      'namespace Acme.Web',
      'class Acme.Web.UsersController',
      'field Acme.Web.UsersController._service',
      'constant Acme.Web.UsersController.MaxPage',
      'constant Acme.Web.UsersController.Timeout',
      'property Acme.Web.UsersController.Name',
      'constructor Acme.Web.UsersController.UsersController(IUserService)',
      'method Acme.Web.UsersController.Get(int)',
      'method Acme.Web.UsersController.Get(List,int)',
      'class Acme.Web.UsersController.Page',
      'interface Acme.Web.IUserService',
      'method Acme.Web.IUserService.Find(int)',
      'enum Acme.Web.Role',
      'constant Acme.Web.Role.Admin',
      'constant Acme.Web.Role.Guest',
      'class Acme.Web.UserDto',
    ]);
    expectParentsFirst(symbols);
    expect(parentOf(symbols, 'Acme.Web.UsersController')).toBe('Acme.Web');
  });

  it('keeps attributes as modifiers, /// XML docs as text', async () => {
    const symbols = await symbolsOf('csharp', 'Web/UsersController.cs', CONTROLLER);
    expect(get(symbols, 'Acme.Web.UsersController')).toMatchObject({
      startLine: 8,
      endLine: 28,
      signature: 'public class UsersController : ControllerBase',
      doc: 'Serves users.',
      modifiers: ['[ApiController]', '[Route("api/[controller]")]', 'public'],
    });
    expect(get(symbols, 'Acme.Web.UsersController.Get(int)')).toMatchObject({
      startLine: 21,
      endLine: 22,
      signature: 'public async Task<ActionResult<User>> Get(int id)',
      doc: 'Gets one user.',
      modifiers: ['[HttpGet("{id}")]', 'public', 'async'],
    });
    expect(get(symbols, 'Acme.Web.UsersController.Get(List,int)').signature).toBe('public IActionResult Get([FromQuery] List<string> tags, ref int total)');
    expect(get(symbols, 'Acme.Web.UsersController.Name')).toMatchObject({ signature: 'public string Name', modifiers: ['public'] });
  });

  it('puts everything after a file-scoped namespace inside it', async () => {
    const symbols = await symbolsOf('csharp', 'Jobs.cs', 'namespace Acme.Jobs;\n\npublic class Nightly\n{\n    public void Run() {}\n}\n');
    expect(symbols.map((s) => `${s.fqn} ${s.startLine}-${s.endLine}`)).toEqual(['Acme.Jobs 1-6', 'Acme.Jobs.Nightly 3-6', 'Acme.Jobs.Nightly.Run() 5-5']);
    expect(parentOf(symbols, 'Acme.Jobs.Nightly')).toBe('Acme.Jobs');
  });
});
