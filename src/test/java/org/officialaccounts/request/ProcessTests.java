package org.officialaccounts.request;

/** Settings shared by the process tests. */
final class ProcessTests {

  /**
   * The in-memory engine of process tests. Not named camunda.cfg.xml, which the engine's REST
   * API would pick up as a second default engine in the integration tests.
   */
  static final String ENGINE_CONFIGURATION = "process-test.camunda.cfg.xml";

  private ProcessTests() {}
}
