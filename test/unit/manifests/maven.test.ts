import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../electron/engine/manifests/index.js';

const POM = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Order service -->
<project xmlns="http://maven.apache.org/POM/4.0.0"
         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
  <modelVersion>4.0.0</modelVersion>
  <parent>
    <groupId>org.springframework.boot</groupId>
    <artifactId>spring-boot-starter-parent</artifactId>
    <version>3.2.5</version>
  </parent>
  <groupId>com.acme</groupId>
  <artifactId>orders</artifactId>
  <version>1.4.0-SNAPSHOT</version>
  <properties>
    <java.version>17</java.version>
    <jackson.version>2.17.1</jackson.version>
    <guava.major>33</guava.major>
    <guava.version>\${guava.major}.2-jre</guava.version>
  </properties>
  <dependencyManagement>
    <dependencies>
      <dependency>
        <groupId>software.amazon.awssdk</groupId>
        <artifactId>bom</artifactId>
        <version>2.25.0</version>
        <type>pom</type>
        <scope>import</scope>
      </dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency>
      <groupId>org.springframework.boot</groupId>
      <artifactId>spring-boot-starter-web</artifactId>
    </dependency>
    <dependency>
      <groupId>com.fasterxml.jackson.core</groupId>
      <artifactId>jackson-databind</artifactId>
      <version>\${jackson.version}</version>
    </dependency>
    <!--
    <dependency>
      <groupId>commented</groupId>
      <artifactId>out</artifactId>
    </dependency>
    -->
    <dependency>
      <groupId>com.google.guava</groupId>
      <artifactId>guava</artifactId>
      <version>\${guava.version}</version>
      <scope>compile</scope>
    </dependency>
    <dependency>
      <groupId>org.projectlombok</groupId>
      <artifactId>lombok</artifactId>
      <version>\${lombok.version}</version>
      <scope>provided</scope>
    </dependency>
    <dependency>
      <groupId>org.postgresql</groupId>
      <artifactId>postgresql</artifactId>
      <scope>runtime</scope>
    </dependency>
    <dependency>
      <groupId>\${project.groupId}</groupId>
      <artifactId>orders-api</artifactId>
      <version>\${project.version}</version>
    </dependency>
    <dependency>
      <groupId>org.junit.jupiter</groupId>
      <artifactId>junit-jupiter</artifactId>
      <version>5.10.2</version>
      <scope>test</scope>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.springframework.boot</groupId>
        <artifactId>spring-boot-maven-plugin</artifactId>
        <dependencies>
          <dependency>
            <groupId>plugin.only</groupId>
            <artifactId>helper</artifactId>
          </dependency>
        </dependencies>
      </plugin>
    </plugins>
  </build>
</project>
`;

const pkg = (name: string, version: string | null, scope: string) => ({ manifest: 'orders/pom.xml', ecosystem: 'maven', name, version, scope });

describe('pom.xml', () => {
  it('reads project dependencies with resolved properties and mapped scopes, skipping management and plugins', () => {
    expect(parseManifest('orders/pom.xml', POM)).toEqual({
      packages: [
        pkg('org.springframework.boot:spring-boot-starter-web', null, 'runtime'),
        pkg('com.fasterxml.jackson.core:jackson-databind', '2.17.1', 'runtime'),
        pkg('com.google.guava:guava', '33.2-jre', 'runtime'),
        pkg('org.projectlombok:lombok', '${lombok.version}', 'build'),
        pkg('org.postgresql:postgresql', null, 'runtime'),
        pkg('com.acme:orders-api', '1.4.0-SNAPSHOT', 'runtime'),
        pkg('org.junit.jupiter:junit-jupiter', '5.10.2', 'test'),
      ],
      mains: [],
      error: null,
    });
  });

  it('decodes entities and CDATA in values', () => {
    const pom = `<project><dependencies><dependency><groupId>a&amp;b</groupId><artifactId><![CDATA[c<d>]]></artifactId><version>&#49;.0</version></dependency></dependencies></project>`;
    expect(parseManifest('pom.xml', pom).packages).toEqual([{ manifest: 'pom.xml', ecosystem: 'maven', name: 'a&b:c<d>', version: '1.0', scope: 'runtime' }]);
  });

  it('takes project.version from the parent when the project has none', () => {
    const pom = `<project><parent><groupId>g</groupId><artifactId>p</artifactId><version>9.1</version></parent><artifactId>child</artifactId>
      <dependencies><dependency><groupId>\${project.groupId}</groupId><artifactId>sibling</artifactId><version>\${project.version}</version></dependency></dependencies></project>`;
    expect(parseManifest('pom.xml', pom).packages).toEqual([{ manifest: 'pom.xml', ecosystem: 'maven', name: 'g:sibling', version: '9.1', scope: 'runtime' }]);
  });

  it('returns what was read before a truncation, with the error', () => {
    const truncated = POM.slice(0, POM.indexOf('<artifactId>guava'));
    const result = parseManifest('orders/pom.xml', truncated);
    expect(result.packages).toEqual([
      pkg('org.springframework.boot:spring-boot-starter-web', null, 'runtime'),
      pkg('com.fasterxml.jackson.core:jackson-databind', '2.17.1', 'runtime'),
    ]);
    expect(result.error).toBe('malformed XML: <dependency> is never closed (line 50); a <dependency> without <artifactId>');
  });

  it('reports an unterminated comment and keeps what came before it', () => {
    const pom = '<project><dependencies><dependency><groupId>g</groupId><artifactId>a</artifactId></dependency><!-- oops';
    const result = parseManifest('pom.xml', pom);
    expect(result.packages).toEqual([{ manifest: 'pom.xml', ecosystem: 'maven', name: 'g:a', version: null, scope: 'runtime' }]);
    expect(result.error).toBe('malformed XML: unterminated comment (line 1)');
  });

  it('reports mismatched tags', () => {
    const result = parseManifest('pom.xml', '<project>\n<dependencies>\n</project>');
    expect(result.error).toBe('malformed XML: </project> closes <dependencies> (line 3)');
  });

  it('rejects a document whose root is not <project>', () => {
    expect(parseManifest('pom.xml', '<settings/>')).toEqual({ packages: [], mains: [], error: 'root element is <settings>, not <project>' });
  });

  it('reports an empty file', () => {
    expect(parseManifest('pom.xml', '')).toEqual({ packages: [], mains: [], error: 'malformed XML: no root element (line 1)' });
  });
});
