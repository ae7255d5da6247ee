package com.vaultcrmsync.vault.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.resolver.Resolver;

/** Proves {@link ReusingResolver} types every scalar as SnakeYAML's own resolver does. */
class ReusingResolverTest {
  private static final String[] WORDS = {
    "",
    "~",
    "null",
    "Null",
    "NULL",
    "nul",
    "yes",
    "No",
    "TRUE",
    "true",
    "False",
    "on",
    "OFF",
    "y",
    "n",
    "0",
    "-1",
    "+12",
    "0x1F",
    "0b101",
    "0o17",
    "017",
    "1_000",
    "190:20:30",
    "1.5",
    "-.5",
    "1e3",
    "1.0e+3",
    ".inf",
    "-.Inf",
    ".NaN",
    "2025-12-19",
    "2025-12-19T10:00:00Z",
    "2025-12-19 10:00:00.5 +01:00",
    // Longer than SnakeYAML's 50-char limit for timestamps: a string, though the pattern matches.
    "2025-12-19 10:00:00.12345678901234567890123456789012345 +01:00",
    "<<",
    "=",
    "customer",
    "Company 12",
    "unknown",
    "type/customer",
    "title",
    "tags",
    "last_contact",
    "\u2019s"
  };

  @Test
  void everyScalarGetsTheTagOfSnakeYamlsResolver() {
    Resolver stock = new Resolver();
    Resolver reusing = new ReusingResolver();
    Random random = new Random(3);
    for (int i = 0; i < 100_000; i++) {
      String value =
          random.nextInt(4) == 0
              ? WORDS[random.nextInt(WORDS.length)] + WORDS[random.nextInt(WORDS.length)]
              : WORDS[random.nextInt(WORDS.length)];
      if (random.nextInt(5) == 0 && !value.isEmpty()) {
        int at = random.nextInt(value.length());
        value =
            value.substring(0, at)
                + "09:.-+_eE xX".charAt(random.nextInt(12))
                + value.substring(at + 1);
      }
      for (NodeId kind : NodeId.values()) {
        for (boolean implicit : new boolean[] {true, false}) {
          assertThat(reusing.resolve(kind, value, implicit))
              .as("%s %s '%s'", kind, implicit, value)
              .isEqualTo(stock.resolve(kind, value, implicit));
        }
      }
    }
  }
}
