import { describe, expect, it } from 'vitest';
import { parseManifest } from '../../../electron/engine/manifests/index.js';

const GROOVY = `plugins {
    id 'java'
    id 'org.springframework.boot' version '3.2.5'
}

buildscript {
    dependencies {
        classpath 'com.example:build-plugin:1.0'
    }
}

configurations.implementation {
    exclude group: 'commons-logging'
}

dependencies {
    implementation platform('org.springframework.boot:spring-boot-dependencies:3.2.5')
    implementation 'org.springframework.boot:spring-boot-starter-web'
    implementation "com.google.guava:guava:$guavaVersion"
    api group: 'org.apache.commons', name: 'commons-lang3', version: '3.14.0'
    compileOnly 'org.projectlombok:lombok:1.18.32'
    annotationProcessor 'org.projectlombok:lombok:1.18.32'
    runtimeOnly 'org.postgresql:postgresql:42.7.3'
    // implementation 'commented:out:1.0'
    /* testImplementation 'block:comment:1.0' */
    testImplementation 'org.junit.jupiter:junit-jupiter:5.10.2', 'org.mockito:mockito-core:5.11.0'
    testRuntimeOnly 'org.junit.platform:junit-platform-launcher'
    implementation project(':shared')
    implementation files('libs/local.jar')
    implementation 'net.sf.json-lib:json-lib:2.4:jdk15@jar'
}
`;

const KOTLIN = `plugins {
    kotlin("jvm") version "1.9.23"
    kotlin("kapt") version "1.9.23"
}

dependencies {
    implementation(platform("io.ktor:ktor-bom:2.3.10"))
    implementation("io.ktor:ktor-server-core")
    implementation(libs.kotlinx.coroutines)
    api("com.squareup.okio:okio:3.9.0")
    kapt("com.google.dagger:dagger-compiler:2.51")
    implementation(group = "org.slf4j", name = "slf4j-api", version = "2.0.13")
    testImplementation(kotlin("test"))
    testImplementation("io.mockk:mockk:1.13.10") {
        exclude(group = "org.slf4j")
    }
}
`;

describe('build.gradle', () => {
  it('reads string, map and platform notations with mapped scopes, skipping comments, projects and files', () => {
    const pkg = (name: string, version: string | null, scope: string) => ({ manifest: 'app/build.gradle', ecosystem: 'gradle', name, version, scope });
    expect(parseManifest('app/build.gradle', GROOVY)).toEqual({
      packages: [
        pkg('org.springframework.boot:spring-boot-dependencies', '3.2.5', 'runtime'),
        pkg('org.springframework.boot:spring-boot-starter-web', null, 'runtime'),
        pkg('com.google.guava:guava', '$guavaVersion', 'runtime'),
        pkg('org.apache.commons:commons-lang3', '3.14.0', 'runtime'),
        pkg('org.projectlombok:lombok', '1.18.32', 'build'),
        pkg('org.projectlombok:lombok', '1.18.32', 'build'),
        pkg('org.postgresql:postgresql', '42.7.3', 'runtime'),
        pkg('org.junit.jupiter:junit-jupiter', '5.10.2', 'test'),
        pkg('org.mockito:mockito-core', '5.11.0', 'test'),
        pkg('org.junit.platform:junit-platform-launcher', null, 'test'),
        pkg('net.sf.json-lib:json-lib', '2.4', 'runtime'),
      ],
      mains: [],
      error: null,
    });
  });
});

describe('build.gradle.kts', () => {
  it('reads call notation, named arguments and kapt', () => {
    const pkg = (name: string, version: string | null, scope: string) => ({ manifest: 'build.gradle.kts', ecosystem: 'gradle', name, version, scope });
    expect(parseManifest('build.gradle.kts', KOTLIN)).toEqual({
      packages: [
        pkg('io.ktor:ktor-bom', '2.3.10', 'runtime'),
        pkg('io.ktor:ktor-server-core', null, 'runtime'),
        pkg('com.squareup.okio:okio', '3.9.0', 'runtime'),
        pkg('com.google.dagger:dagger-compiler', '2.51', 'build'),
        pkg('org.slf4j:slf4j-api', '2.0.13', 'runtime'),
        pkg('io.mockk:mockk', '1.13.10', 'test'),
      ],
      mains: [],
      error: null,
    });
  });

  it('is not fooled by comment markers inside strings or an unclosed quote', () => {
    const text = `dependencies {\n  implementation("com.example:lib:1.0") // see "https://example.com/x"\n  val url = "http://a//b"\n  implementation 'broken\n  runtimeOnly("org.h2:h2:2.2.224")\n}`;
    expect(parseManifest('build.gradle.kts', text).packages.map((p) => p.name)).toEqual(['com.example:lib', 'org.h2:h2']);
  });

  it('reads nothing from an empty or unrelated script', () => {
    expect(parseManifest('build.gradle', '')).toEqual({ packages: [], mains: [], error: null });
    expect(parseManifest('build.gradle', 'rootProject.name = "x"\nallprojects { repositories { mavenCentral() } }')).toEqual({ packages: [], mains: [], error: null });
  });
});
