package io.paygate.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README names everything the SDK brings onto a user's class path. The list comes from the
 * build itself ({@code dependency:list}, runtime scope, bound in this module's pom), so a new
 * transitive dependency fails here until the README says so.
 */
class ReadmeDependenciesTest {
  private static final Pattern LISTED = Pattern.compile("^\\s+([\\w.-]+):([\\w.-]+):jar:.*");

  @Test void theReadmeNamesEveryRuntimeDependency() throws IOException {
    List<String> resolved = Files.readAllLines(Path.of("target/runtime-dependencies.txt")).stream()
        .map(LISTED::matcher).filter(Matcher::matches)
        .map(m -> m.group(1) + ":" + m.group(2)).toList();
    String readme = Files.readString(Path.of("README.md"));
    String section = readme.substring(readme.indexOf("## Dependencies"),
        readme.indexOf("\n## ", readme.indexOf("## Dependencies") + 1));

    assertThat(resolved).as("what the build resolved")
        .contains("com.squareup.okhttp3:okhttp-jvm", "com.squareup.moshi:moshi");
    assertThat(resolved).allSatisfy(artifact ->
        assertThat(section).as("the README's Dependencies section").contains("`" + artifact + "`"));
  }
}
