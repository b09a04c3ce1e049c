package io.paygate.gateway;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The server's layers, pointing one way: the edge (resources, http
 * handlers and filters, wire types) calls the services, which call storage and the acquirers,
 * which use the core values. Support packages (errors, settings, metrics, logging) may be used
 * from every layer but use nothing above the core. Gateway, the one place that wires everything,
 * sits on top. A new package must be given a layer here, or {@link #everyPackageHasALayer} fails.
 */
@AnalyzeClasses(packages = "io.paygate.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
  private static final String ROOT = "io.paygate.gateway";

  private static final String[] WIRING = {ROOT, ROOT + ".metrics.binders.."};
  private static final String[] EDGE = {ROOT + ".resources..", ROOT + ".http..", ROOT + ".api.."};
  private static final String[] SERVICES = {ROOT + ".payments..", ROOT + ".merchants..",
      ROOT + ".auth..", ROOT + ".webhooks..", ROOT + ".audit..", ROOT + ".limits..",
      ROOT + ".validation..", ROOT + ".nodes.."};
  private static final String[] STORAGE = {ROOT + ".db.."};
  private static final String[] ACQUIRERS = {ROOT + ".acquirer.."};
  // metrics is listed without "..": its binders (which read repositories) are wiring.
  private static final String[] SUPPORT = {ROOT + ".errors..", ROOT + ".config..",
      ROOT + ".metrics", ROOT + ".logging.."};
  private static final String[] CORE = {ROOT + ".core.."};

  @ArchTest
  static final ArchRule layersPointOneWay = layeredArchitecture()
      .consideringOnlyDependenciesInLayers()
      .layer("Wiring").definedBy(WIRING)
      .layer("Edge").definedBy(EDGE)
      .layer("Services").definedBy(SERVICES)
      .layer("Storage").definedBy(STORAGE)
      .layer("Acquirers").definedBy(ACQUIRERS)
      .layer("Support").definedBy(SUPPORT)
      .layer("Core").definedBy(CORE)
      .whereLayer("Wiring").mayNotBeAccessedByAnyLayer()
      .whereLayer("Edge").mayOnlyBeAccessedByLayers("Wiring")
      .whereLayer("Services").mayOnlyBeAccessedByLayers("Wiring", "Edge")
      .whereLayer("Services").mayOnlyAccessLayers("Storage", "Acquirers", "Support", "Core")
      .whereLayer("Storage").mayOnlyAccessLayers("Support", "Core")
      .whereLayer("Acquirers").mayOnlyAccessLayers("Support", "Core")
      .whereLayer("Support").mayOnlyAccessLayers("Core")
      .whereLayer("Core").mayNotAccessAnyLayer()
      // Exception: a webhook's data is the resource as the REST API shows it (api/PaymentJson),
      // serialised (api/JsonWritable) into the outbox row in the transaction of the change, so
      // the webhooks service writes wire types. api depends on no service that reaches webhooks,
      // so this makes no cycle (slicesAreFreeOfCycles keeps it so).
      .ignoreDependency(resideInAPackage(ROOT + ".webhooks.."), resideInAPackage(ROOT + ".api.."));

  /** Package cycles make every change ripple both ways; none is allowed, exceptions included. */
  @ArchTest
  static final ArchRule slicesAreFreeOfCycles =
      slices().matching(ROOT + ".(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule everyPackageHasALayer = classes().that().resideInAPackage(ROOT + "..")
      .should().resideInAnyPackage(concat(WIRING, EDGE, SERVICES, STORAGE, ACQUIRERS, SUPPORT,
          CORE))
      .because("a new package must be placed in a layer of LayeringTest");

  private static String[] concat(String[]... groups) {
    return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream)
        .toArray(String[]::new);
  }
}
