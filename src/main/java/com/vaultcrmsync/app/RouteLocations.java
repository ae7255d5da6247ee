package com.vaultcrmsync.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Expands the wildcards of {@code classpath:} entries in {@code camel.main.routes-include-pattern}
 * to the route files they match, before camel-main sees them. Camel resolves such a wildcard by
 * reading the whole jar through a {@code JarInputStream}, inflating every entry of the 40 MB shaded
 * jar, twice per start: about 6 s of every command on two busy cores. Reading the jar's central
 * directory instead takes milliseconds. Entries without a wildcard, other schemes ({@code file:})
 * and wildcards that match nothing here are passed on unchanged, so Camel's own rules (and its
 * error messages) still apply to them.
 */
final class RouteLocations {
  private static final String CLASSPATH = "classpath:";

  private RouteLocations() {}

  /** The comma-separated {@code patterns} with each classpath wildcard replaced by its matches. */
  static String expand(String patterns, ClassLoader loader) {
    List<String> out = new ArrayList<>();
    for (String raw : patterns.split(",")) {
      String entry = raw.strip();
      List<String> matches = entry.isEmpty() ? List.of() : matches(entry, loader);
      if (matches.isEmpty()) {
        if (!entry.isEmpty()) {
          out.add(entry);
        }
      } else {
        out.addAll(matches);
      }
    }
    return String.join(",", out);
  }

  private static List<String> matches(String entry, ClassLoader loader) {
    if (!entry.startsWith(CLASSPATH)) {
      return List.of();
    }
    String path = entry.substring(CLASSPATH.length());
    int slash = path.lastIndexOf('/');
    String folder = slash < 0 ? "" : path.substring(0, slash);
    String glob = path.substring(slash + 1);
    if (folder.contains("*")
        || folder.contains("?")
        || !(glob.contains("*") || glob.contains("?"))) {
      return List.of();
    }
    URL url = loader.getResource(folder.isEmpty() ? "" : folder + "/");
    if (url == null) {
      return List.of();
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    List<String> names = new ArrayList<>();
    try {
      if ("jar".equals(url.getProtocol())) {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = new JarFile(Path.of(connection.getJarFileURL().toURI()).toFile())) {
          String prefix = folder.isEmpty() ? "" : folder + "/";
          for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            String rest = name.startsWith(prefix) ? name.substring(prefix.length()) : null;
            if (rest != null
                && !rest.isEmpty()
                && !rest.contains("/")
                && matcher.matches(Path.of(rest))) {
              names.add(name);
            }
          }
        }
      } else if ("file".equals(url.getProtocol())) {
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
          files
              .filter(Files::isRegularFile)
              .filter(f -> matcher.matches(f.getFileName()))
              .forEach(f -> names.add((folder.isEmpty() ? "" : folder + "/") + f.getFileName()));
        }
      }
    } catch (IOException | URISyntaxException | UncheckedIOException | ClassCastException e) {
      // Camel resolves the entry itself, slowly but with its own rules and messages.
      return List.of();
    }
    return names.stream().sorted().map(n -> CLASSPATH + n).toList();
  }
}
