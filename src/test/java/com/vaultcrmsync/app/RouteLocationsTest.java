package com.vaultcrmsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Proves that classpath route wildcards expand to exactly the files Camel would have found. */
class RouteLocationsTest {
  @TempDir Path dir;

  @Test
  void aWildcardInsideAJarExpandsToTheMatchingFilesOfThatFolderOnly() throws Exception {
    Path jar = dir.resolve("routes.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name :
          new String[] {
            "routes/",
            "routes/b.camel.yaml",
            "routes/a.camel.yaml",
            "routes/notes.txt",
            "routes/daemon/",
            "routes/daemon/c.camel.yaml"
          }) {
        out.putNextEntry(new JarEntry(name));
        out.closeEntry();
      }
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertThat(RouteLocations.expand("classpath:routes/*.camel.yaml", loader))
          .isEqualTo("classpath:routes/a.camel.yaml,classpath:routes/b.camel.yaml");
      assertThat(RouteLocations.expand("classpath:routes/daemon/*.camel.yaml", loader))
          .isEqualTo("classpath:routes/daemon/c.camel.yaml");
    }
  }

  @Test
  void aWildcardInAFolderExpandsAndOtherEntriesPassUnchanged() throws Exception {
    Path routes = Files.createDirectories(dir.resolve("classes/routes"));
    Files.writeString(routes.resolve("x.camel.yaml"), "- route: {}\n");
    try (OutputStream ignored = Files.newOutputStream(routes.resolve("y.yaml"))) {
      // a file the pattern must not match
    }
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}, null)) {
      assertThat(
              RouteLocations.expand(
                  "classpath:routes/*.camel.yaml, file:/srv/routes/*.camel.yaml,"
                      + "classpath:routes/one.camel.yaml,classpath:missing/*.camel.yaml",
                  loader))
          .isEqualTo(
              "classpath:routes/x.camel.yaml,file:/srv/routes/*.camel.yaml,"
                  + "classpath:routes/one.camel.yaml,classpath:missing/*.camel.yaml");
    }
  }
}
