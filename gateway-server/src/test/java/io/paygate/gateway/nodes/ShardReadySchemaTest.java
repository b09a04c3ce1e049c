package io.paygate.gateway.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The schema stays ready to be distributed by merchant (Citus-style: each merchant's rows on one
 * shard), read from the migrations and the repositories' SQL:
 *
 * <ul>
 *   <li>every unique key of a table of merchant data leads with {@code merchant_id}, so that it
 *       can be enforced within one shard;
 *   <li>every query of merchant data leads its {@code WHERE} with {@code merchant_id}, or finds
 *       rows by a globally unique key (a UUID or a token hash: one row, wherever it lives), or is
 *       one of the deliberate scans across merchants listed below with their reasons. A new scan
 *       across merchants fails here until it is listed.
 * </ul>
 *
 * <p>Primary keys are single globally unique ids (time-ordered UUIDs); a distributed schema would
 * make them {@code (merchant_id, id)}: that step is docs/scaling.md's, not this test's.
 */
class ShardReadySchemaTest {
  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  private static final Path REPOSITORIES = Path.of("src/main/java/io/paygate/gateway/db");

  /** Tables whose rows belong to one merchant. */
  private static final Set<String> MERCHANT_TABLES = Set.of("payments", "payment_operations",
      "token_families", "refresh_tokens", "audit_events", "login_attempts", "webhook_endpoints",
      "webhook_deliveries", "webhook_attempts");

  /** Globally unique keys: finding a row by one reads one row, whichever shard holds it. */
  private static final Set<String> UNIQUE_KEYS = Set.of("id", "token_hash", "family_id",
      "payment_id", "endpoint_id", "event_id");

  /**
   * Unique keys that deliberately do not lead with merchant_id: the merchants table is the root
   * of the distribution (its id is the merchant id); a login is looked up before any merchant is
   * known, so it stays unique across all of them (a reference table in a sharded cluster).
   */
  private static final Set<String> UNIQUE_EXCEPTIONS = Set.of("merchants_login_key");

  /**
   * Scans across merchants, by table and the column their WHERE leads with, and why each is one.
   */
  private static final Map<String, String> SCANS = Map.of(
      "payments.status", "reconciliation and the backlog gauges look at every merchant's"
          + " unresolved payments (on the (status, created_at) index)",
      "payment_operations.status", "reconciliation of every merchant's unresolved operations",
      "token_families.revoked_at", "every node polls the sessions revoked lately, whoever's"
          + " (auth/SessionSync)",
      "webhook_deliveries.status", "the webhook dispatcher claims every merchant's due"
          + " deliveries",
      "webhook_deliveries.d.status", "the webhook dispatcher claims every merchant's due"
          + " deliveries",
      "webhook_endpoints.deleted_at", "the subscriptions of every merchant are held in memory,"
          + " loaded at start-up",
      "audit_events.1", "the operator's audit console reads across merchants; its filters"
          + " (merchant among them) are appended at run time");

  @Test
  void everyUniqueKeyOfMerchantDataLeadsWithMerchantId() throws IOException {
    Pattern unique = Pattern.compile(
        "CONSTRAINT\\s+(\\w+)\\s+UNIQUE\\s*\\(([^)]*)\\)|CREATE\\s+UNIQUE\\s+INDEX\\s+(\\w+)\\s+ON"
            + "\\s+\\w+\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);
    List<String> checked = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (Path sql : files(MIGRATIONS, ".sql")) {
      Matcher m = unique.matcher(Files.readString(sql));
      while (m.find()) {
        String name = m.group(1) != null ? m.group(1) : m.group(3);
        String columns = (m.group(2) != null ? m.group(2) : m.group(4)).trim();
        checked.add(name);
        if (!columns.toLowerCase(Locale.ROOT).startsWith("merchant_id")
            && !UNIQUE_EXCEPTIONS.contains(name)) {
          wrong.add(sql.getFileName() + ": " + name + " (" + columns + ")");
        }
      }
    }
    assertThat(checked).as("the idempotency keys at least").contains("payments_idempotency",
        "payment_operations_idempotency");
    assertThat(wrong).as("unique keys that do not lead with merchant_id").isEmpty();
  }

  @Test
  void everyQueryOfMerchantDataLeadsWithMerchantIdOrAUniqueKeyOrIsAListedScan()
      throws IOException {
    List<String> statements = statements();
    assertThat(statements).hasSizeGreaterThan(40);
    Pattern table = Pattern.compile("(?:FROM|UPDATE)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);
    Pattern where = Pattern.compile("WHERE\\s+\\(?\\s*((?:\\w+\\.)?\\w+)",
        Pattern.CASE_INSENSITIVE);
    List<String> wrong = new ArrayList<>();
    int merchantFirst = 0;
    for (String sql : statements) {
      Matcher t = table.matcher(sql);
      if (!t.find() || !MERCHANT_TABLES.contains(t.group(1).toLowerCase(Locale.ROOT))) {
        continue;
      }
      String name = t.group(1).toLowerCase(Locale.ROOT);
      Matcher w = where.matcher(sql);
      String lead = w.find() ? w.group(1).toLowerCase(Locale.ROOT) : "(no where)";
      String column = lead.contains(".") ? lead.substring(lead.indexOf('.') + 1) : lead;
      if (column.equals("merchant_id")) {
        merchantFirst++;
      } else if (!UNIQUE_KEYS.contains(column) && !SCANS.containsKey(name + "." + lead)) {
        wrong.add(name + " by " + lead + ": " + sql);
      }
    }
    assertThat(merchantFirst).as("queries that lead with merchant_id").isGreaterThan(5);
    assertThat(wrong).as("queries across merchants that are not listed as deliberate scans")
        .isEmpty();
  }

  /** The SQL statements of the repositories: string literals joined by + (constants skipped). */
  private static List<String> statements() throws IOException {
    Pattern statement = Pattern.compile("\"((?:SELECT|UPDATE|DELETE)[^\"]*)\"((?:\\s*\\+\\s*"
        + "(?:\"[^\"]*\"|[A-Za-z_][A-Za-z_0-9]*))*)");
    Pattern literal = Pattern.compile("\"([^\"]*)\"");
    List<String> out = new ArrayList<>();
    for (Path java : files(REPOSITORIES, ".java")) {
      Matcher m = statement.matcher(Files.readString(java));
      while (m.find()) {
        StringBuilder sql = new StringBuilder(m.group(1));
        Matcher rest = literal.matcher(m.group(2));
        while (rest.find()) {
          sql.append(rest.group(1));
        }
        out.add(sql.toString());
      }
    }
    return out;
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
    }
  }
}
