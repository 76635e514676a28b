// Java navigation through declared types, through the real Backend and a real SQLite file, on a small
// Spring-shaped tree: an injected bean's interface method among same-named ones, a method inherited from
// a generic mapper interface, `this.bean.m()`, method references, a fully qualified class next to a
// same-named one, members inherited from outside the repo (`JpaRepository.save`) found nowhere, a call
// that never names a same-named field, fluent call chains, and overloads told apart by their arguments.
import { describe, expect, it } from 'vitest';
import type { DefinitionHit } from '../../shared/nav.js';
import { call } from '../helpers/backend.js';
import { useIndexedTrees } from '../helpers/indexedTrees.js';


const ROOT = 'src/main/java/org/acme';

const TREE: Record<string, string> = {
  [`${ROOT}/service/OwnerService.java`]: `package org.acme.service;

public interface OwnerService {
    Owner save(Owner owner);
    Owner save(Owner owner, boolean flush);
}
`,
  [`${ROOT}/service/PetService.java`]: `package org.acme.service;

public interface PetService {
    Pet save(Pet pet);
}
`,
  [`${ROOT}/service/Failure.java`]: `package org.acme.service;

public class Failure extends RuntimeException {}
`,
  [`${ROOT}/web/Failure.java`]: `package org.acme.web;

public class Failure extends RuntimeException {}
`,
  [`${ROOT}/mapper/EntityMapper.java`]: `package org.acme.mapper;

public interface EntityMapper<D, E> {
    D toDto(E entity);
}
`,
  [`${ROOT}/mapper/OwnerMapper.java`]: `package org.acme.mapper;

public interface OwnerMapper extends EntityMapper<OwnerDto, Owner> {}
`,
  [`${ROOT}/repo/OwnerRepository.java`]: `package org.acme.repo;

import org.springframework.data.jpa.repository.JpaRepository;

public interface OwnerRepository extends JpaRepository<Owner, Long> {}
`,
  [`${ROOT}/domain/Owner.java`]: `package org.acme.domain;

public class Owner {
    private String name;

    public Owner name(String name) {
        this.name = name;
        return this;
    }
}
`,
  [`${ROOT}/web/OwnerResource.java`]: `package org.acme.web;

import java.util.Optional;
import org.acme.domain.Owner;
import org.acme.mapper.OwnerMapper;
import org.acme.repo.OwnerRepository;
import org.acme.service.OwnerService;

public class OwnerResource {
    private final OwnerService ownerService;
    private final OwnerMapper ownerMapper;
    private final OwnerRepository ownerRepository;

    public OwnerResource(OwnerService ownerService, OwnerMapper ownerMapper, OwnerRepository ownerRepository) {
        this.ownerService = ownerService;
        this.ownerMapper = ownerMapper;
        this.ownerRepository = ownerRepository;
    }

    public Object create(Owner owner) {
        ownerRepository.save(owner);
        Optional.of(owner).map(ownerService::save);
        if (owner == null) throw new org.acme.service.Failure();
        return ownerMapper.toDto(this.ownerService.save(owner));
    }

    public Owner rename() {
        return new Owner().name("x").name("y");
    }

    public void flush(java.util.List<Owner> owners) {
        ownerService.save(owners.get(0), true);
        owners.forEach(o -> o.name("z"));
    }
}
`,
};

const where = (hits: DefinitionHit[]): string[] => hits.map((h) => `${h.file.replace(`${ROOT}/`, '')}:${h.line} ${h.confidence}`);

describe('Java navigation through declared types', () => {
  const index = useIndexedTrees('clew-nav-java', [TREE]);
  const { repo } = index;
  const resource = `${ROOT}/web/OwnerResource.java`;
  const def = (path: string, line: number, column: number): Promise<DefinitionHit[]> => call(index.backend, 'nav:def', { repo: repo.path, path, line, column });
  const refs = async (path: string, line: number, column: number): Promise<string[]> =>
    (await call(index.backend, 'nav:refs', { repo: repo.path, position: { repo: repo.path, path, line, column } })).refs.map((r) => `${r.file.replace(`${ROOT}/`, '')}:${r.line}:${r.column} ${r.role}`);

  it('a method through an injected field, a parameter\'s type, `this.field` and a method reference: the declared type\'s, not a same-named one', async () => {
    // `ownerService::save` (both overloads: a method reference passes no arguments) and `this.ownerService.save(owner)`, with PetService.save nearer by name alone.
    expect(where(await def(resource, 22, 46))).toEqual(['service/OwnerService.java:4 exact', 'service/OwnerService.java:5 exact']);
    expect(where(await def(resource, 24, 52))).toEqual(['service/OwnerService.java:4 exact']);
    // `ownerMapper.toDto`: inherited from the generic interface OwnerMapper extends.
    expect(where(await def(resource, 24, 28))).toEqual(['mapper/EntityMapper.java:4 exact']);
  });

  it('a fully qualified class is the one in that package, not the same-named class next to the use', async () => {
    expect(where(await def(resource, 23, 55))).toEqual(['service/Failure.java:3 exact']);
  });

  it('members of outside types are defined nowhere here: `JpaRepository.save`, `Optional.of`', async () => {
    expect(await def(resource, 21, 25)).toEqual([]);
    expect(await def(resource, 22, 18)).toEqual([]);
    // So the repository's save is no reference of OwnerService.save.
    expect(await refs(`${ROOT}/service/OwnerService.java`, 4, 11)).toEqual(['service/OwnerService.java:4:11 definition', 'web/OwnerResource.java:22:46 reference', 'web/OwnerResource.java:24:52 call']);
  });

  it('a call chain is followed through declared results, and a call never names a field of the same name', async () => {
    // `new Owner().name("x").name("y")`: Owner.name(String) returns Owner, whose name(…) is the method, not the field.
    expect(where(await def(resource, 28, 38))).toEqual(['domain/Owner.java:6 exact']);
    // `o -> o.name("z")`: an untyped lambda parameter leaves a guess, and the guess is a method.
    expect(where(await def(resource, 33, 31)).slice(0, 1)).toEqual(['domain/Owner.java:6 candidate']);
    expect(await refs(`${ROOT}/domain/Owner.java`, 4, 20)).toEqual(['domain/Owner.java:4:20 definition', 'domain/Owner.java:7:14 reference']);
  });

  it('overloads are told apart by the number of arguments a call passes', async () => {
    expect(where(await def(resource, 32, 22))).toEqual(['service/OwnerService.java:5 exact']);
    expect(where(await def(resource, 24, 52))).toEqual(['service/OwnerService.java:4 exact']);
    // A method reference names no argument count: it stays a use of both.
    expect(await refs(`${ROOT}/service/OwnerService.java`, 5, 11)).toEqual(['service/OwnerService.java:5:11 definition', 'web/OwnerResource.java:22:46 reference', 'web/OwnerResource.java:32:22 call']);
  });
});
