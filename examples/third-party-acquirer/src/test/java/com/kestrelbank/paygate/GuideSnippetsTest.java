package com.kestrelbank.paygate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java, XML and text snippet of {@code docs/writing-an-acquirer.md} appears, line for line
 * (indentation aside), in this module's sources or pom: the guide cannot drift from code that
 * compiles and passes the kit. The one exception is the guide's complete standalone pom (the block
 * that is a whole {@code <project>}): {@link StandalonePomBuildTest} builds that one.
 */
class GuideSnippetsTest {
  private static final Path GUIDE = Path.of("../../docs/writing-an-acquirer.md");
  private static final Pattern FENCE = Pattern.compile("^\\s*```(\\w*)\\s*$");
  private static final Set<String> CHECKED = Set.of("java", "xml", "text");

  @Test
  void everySnippetOfTheGuideIsInTheExampleSources() throws IOException {
    List<List<String>> snippets = snippets(Files.readAllLines(GUIDE));
    List<List<String>> sources = new ArrayList<>();
    sources.add(Files.readAllLines(Path.of("pom.xml")));
    try (Stream<Path> files = Files.walk(Path.of("src"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        sources.add(Files.readAllLines(f));
      }
    }

    assertFalse(snippets.size() < 10, "the guide has its snippets: " + snippets.size());
    for (List<String> snippet : snippets) {
      assertTrue(sources.stream().anyMatch(source -> contains(source, snippet)),
          "this snippet of the guide is not in the example's code:\n"
              + String.join("\n", snippet));
    }
  }

  /** The fenced blocks of a checked language, each dedented. */
  static List<List<String>> snippets(List<String> guide) {
    List<List<String>> snippets = new ArrayList<>();
    List<String> block = null;
    String language = null;
    for (String line : guide) {
      Matcher fence = FENCE.matcher(line);
      if (block == null && fence.matches() && !fence.group(1).isEmpty()) {
        block = new ArrayList<>();
        language = fence.group(1);
      } else if (block != null && fence.matches() && fence.group(1).isEmpty()) {
        if (CHECKED.contains(language) && !isWholePom(block)) {
          snippets.add(dedent(block));
        }
        block = null;
      } else if (block != null) {
        block.add(line);
      }
    }
    return snippets;
  }

  static boolean isWholePom(List<String> block) {
    return !block.isEmpty() && block.get(0).startsWith("<?xml")
        && block.stream().anyMatch(l -> l.startsWith("<project"));
  }

  /** Whether {@code lines} holds {@code snippet} as consecutive lines, indentation aside. */
  private static boolean contains(List<String> lines, List<String> snippet) {
    for (int start = 0; start + snippet.size() <= lines.size(); start++) {
      if (dedent(lines.subList(start, start + snippet.size())).equals(snippet)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> dedent(List<String> lines) {
    int indent = lines.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing())
        .toList();
  }
}
