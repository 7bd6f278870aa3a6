package dev.bugle.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * bom/pom.xml has no parent (so that importing it pins only Bugle's own modules), so nothing but this test keeps
 * its version equal to the reactor's and its list equal to the published modules. Every reactor module is either
 * published (in the BOM, and a library module attaches a sources jar) or named in {@link #NOT_PUBLISHED}: a new
 * module fails this test until someone decides which.
 */
class BomTest {
  /** Tests, benchmarks, examples and packaging: nothing an embedder depends on. */
  private static final Set<String> NOT_PUBLISHED = Set.of("bugle-benchmarks", "bugle-consul-failover", "bugle-examples",
      "bugle-example-jobrunr", "bugle-example-spring-boot", "bugle-bom", "bugle-distribution");
  /** The command: published (its jar is the runnable one), but not a library, so no sources or Javadoc jar. */
  private static final String CLI = "bugle-cli";

  @Test
  void theBomHasTheProjectVersionAndListsEveryPublishedModule() throws Exception {
    Path root = Layout.root();
    Document bom = xml(root.resolve("bom/pom.xml"));
    Element project = bom.getDocumentElement();
    assertThat(child(project, "parent")).as("the BOM has no parent").isNull();
    assertThat(text(project, "groupId")).isEqualTo("dev.bugle");
    assertThat(text(project, "artifactId")).isEqualTo("bugle-bom");
    assertThat(text(project, "packaging")).isEqualTo("pom");
    assertThat(text(project, "version")).as("bom/pom.xml's version").isEqualTo(Layout.version());

    TreeSet<String> managed = new TreeSet<>();
    Element deps = child(child(project, "dependencyManagement"), "dependencies");
    for (Element d : children(deps, "dependency")) {
      assertThat(text(d, "groupId")).isEqualTo("dev.bugle");
      assertThat(text(d, "version")).as("%s's version", text(d, "artifactId")).isEqualTo("${project.version}");
      assertThat(managed.add(text(d, "artifactId"))).as("listed once: %s", text(d, "artifactId")).isTrue();
    }

    TreeSet<String> published = new TreeSet<>();
    TreeSet<String> withSources = new TreeSet<>();
    Element modules = child(xml(root.resolve("pom.xml")).getDocumentElement(), "modules");
    for (Element m : children(modules, "module")) {
      Path pom = root.resolve(m.getTextContent().strip()).resolve("pom.xml");
      String artifactId = text(xml(pom).getDocumentElement(), "artifactId");
      if (!NOT_PUBLISHED.contains(artifactId)) {
        published.add(artifactId);
      }
      if (Files.readString(pom).contains("<artifactId>maven-source-plugin</artifactId>")) {
        withSources.add(artifactId);
      }
    }
    assertThat(managed).as("bom/pom.xml lists every reactor module not in BomTest.NOT_PUBLISHED; add a new module to"
        + " one of the two").containsExactlyElementsOf(published);
    TreeSet<String> libraries = new TreeSet<>(published);
    libraries.remove(CLI);
    assertThat(withSources).as("the library modules bind maven-source-plugin and maven-javadoc-plugin (see core/pom.xml)")
        .containsExactlyElementsOf(libraries);
    assertThat(libraries).contains("bugle-core", "bugle-consul-lock");
  }

  private static Document xml(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node n = nodes.item(i);
      if (n instanceof Element e && e.getTagName().equals(name)) {
        out.add(e);
      }
    }
    return out;
  }

  private static Element child(Element parent, String name) {
    List<Element> c = children(parent, name);
    return c.isEmpty() ? null : c.get(0);
  }

  private static String text(Element parent, String name) {
    Element c = child(parent, name);
    return c == null ? null : c.getTextContent().strip();
  }
}
