package com.vaultcrmsync.emulator.soql;

import com.vaultcrmsync.emulator.soql.CompiledQuery.IndexProbe;
import com.vaultcrmsync.emulator.soql.parse.Condition;
import com.vaultcrmsync.emulator.soql.parse.Literal;
import com.vaultcrmsync.emulator.soql.parse.SoqlException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the WHERE clause's top-level {@code field = 'text'} and {@code field IN ('a', 'b')}
 * conditions on the queried object's own id and text fields: every match satisfies them, so an
 * index lookup on one of them gives a superset of the matches to filter. Ids are passed in their
 * 18-character form; text as written (an index serving a text field should match
 * case-insensitively, as SOQL does). Probes on {@code Id} come first, then other id fields, then
 * text fields.
 */
final class IndexProbes {
  private IndexProbes() {}

  static List<IndexProbe> from(Condition where, FieldResolver resolver) throws SoqlException {
    List<Condition> conjuncts = where instanceof Condition.And and ? and.parts() : List.of(where);
    List<IndexProbe> probes = new ArrayList<>();
    for (Condition condition : conjuncts) {
      if (condition instanceof Condition.Compare compare && compare.op().equals("=")) {
        addProbe(probes, resolver.resolve(compare.field()), List.of(compare.value()));
      } else if (condition instanceof Condition.In in && !in.negated()) {
        addProbe(probes, resolver.resolve(in.field()), in.values());
      }
    }
    probes.sort(Comparator.comparingInt(IndexProbes::rank));
    return List.copyOf(probes);
  }

  private static void addProbe(List<IndexProbe> probes, FieldPath path, List<Literal> literals) {
    if (!path.isDirect() || (path.kind() != ValueKind.ID && path.kind() != ValueKind.TEXT)) {
      return;
    }
    List<Object> values = new ArrayList<>();
    for (Literal literal : literals) {
      if (!(literal instanceof Literal.Text text) || text.value().isEmpty()) {
        return;
      }
      values.add(path.kind() == ValueKind.ID ? SalesforceIds.to18(text.value()) : text.value());
    }
    probes.add(
        new IndexProbe(path.field().name(), path.kind() == ValueKind.ID, List.copyOf(values)));
  }

  private static int rank(IndexProbe probe) {
    return probe.field().equals("Id") ? 0 : probe.idField() ? 1 : 2;
  }
}
