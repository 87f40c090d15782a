package org.officialaccounts.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.officialaccounts.security.Groups;
import org.officialaccounts.system.ModelReferences.Report;
import org.officialaccounts.system.ModelReferences.Root;

/**
 * The analysts' models call only beans, forms, decisions and processes that exist, and every
 * diagram draws all it models; the broken fixtures show that each kind of dangling reference is
 * caught.
 */
class ModelReferencesTest {

  /** The profile production runs with: a bean of another profile is missing there. */
  private static final String PRODUCTION_PROFILE = "postgres";
  private static final Path FIXTURES = Path.of("src", "test", "resources", "model-check");

  private static Set<String> beans;

  @BeforeAll
  static void scanBeans() {
    beans = ApplicationBeans.names(PRODUCTION_PROFILE);
  }

  @Test
  void everyReferenceInTheModelsAndFormsResolves() {
    Report report = ModelReferences.check(Path.of("bpmn"), Path.of("forms"), beans, Set.copyOf(Groups.ALL));

    assertThat(report.problems()).isEmpty();
    // It read the real thing, not an empty folder.
    assertThat(report.processes()).contains("AccountCreationProcess", "AccountVerificationProcess",
        "PeriodicReviewProcess", "ReviewCampaignProcess", "ReviewCampaignSchedule", "GuidePublicationProcess",
        "GuideAcknowledgementProcess");
    assertThat(report.decisions()).contains("AccountPolicy");
    assertThat(report.forms()).contains("RequestAccountForm", "ReviewRequestForm", "SetUpAccountForm");
    assertThat(report.beansCalled()).contains("sendMailDelegate", "validateRequestDelegate", "taskRouting",
        "deadlines", "reviewSettings", "campaignSettings", "guideSettings", "verificationSettings",
        "guideAcknowledgementListener");
    assertThat(report.expressions()).isGreaterThan(100);
  }

  @Test
  void findsTheApplicationsBeansByTheirSpringNames() {
    assertThat(beans)
        // @Component("name"), @Service without a name, @Repository, @Configuration and its @Bean methods
        .contains("sendMailDelegate", "taskRouting", "guideAcknowledgementListener", "mailService",
            "accountRepository", "registryConfig", "accountUrlCanonicalizer", "clock")
        // demo-only beans do not exist in production
        .doesNotContain("demoSetup", "embeddedMailServer");
  }

  @Test
  void reportsEachBrokenReferenceOfTheFixtures() {
    Report report = ModelReferences.check(FIXTURES.resolve("bpmn"), FIXTURES.resolve("forms"), beans,
        Set.copyOf(Groups.ALL));

    String model = "BrokenReferencesProcess.bpmn: ";
    assertThat(report.problems()).containsExactlyInAnyOrder(
        "without-id.form: form: has no id",
        "Decisions.dmn: UnlimitedDecision: decision has no camunda:historyTimeToLive",
        model + "BrokenReferencesProcess: process has no camunda:historyTimeToLive",
        model + "MessageEventDefinition_Missing: messageRef 'Message_Missing' names no message in this file",
        model + "Task_UnknownDelegate: delegateExpression \"${missingDelegate}\" names no bean 'missingDelegate'",
        model + "Task_KnownDelegate: text of inputParameter \"${unknownSettings.limit}\" calls 'unknownSettings',"
            + " which is neither a bean nor set by the engine",
        model + "Task_KnownDelegate: text of inputParameter \"${decisionResult.getSingleResult()}\" uses"
            + " 'decisionResult' outside a business rule task's output mapping",
        model + "ErrorEventDefinition_Missing: errorRef 'Error_Missing' names no error in this file",
        model + "Task_Review: formRef 'MissingForm' names no form",
        model + "Task_Review: candidate group 'no-such-group' is none of the application's groups",
        model + "Task_Review: delegateExpression \"${noSuchListener}\" names no bean 'noSuchListener'",
        model + "Task_Decide: decisionRef 'MissingDecision' names no decision",
        model + "CallActivity_Missing: calledElement 'MissingProcess' names no process",
        model + "Task_JavaClass: class 'org.officialaccounts.NoSuchDelegate' names no class",
        model + "Gateway_Choice: default 'Flow_NoSuchFlow' names no element in this file",
        model + "BPMNShape_Gone: draws 'Task_Gone', which is not in the model",
        model + "Task_Undrawn: has no shape in the diagram",
        model + "Flow_Undrawn: has no edge in the diagram");
    // What is right in the fixture counts as found, so the problems above are not a blanket refusal.
    assertThat(report.forms()).containsExactly("KnownForm");
    assertThat(report.decisions()).containsExactly("KnownDecision", "UnlimitedDecision");
    assertThat(report.beansCalled()).containsExactly("deadlines", "reviewSettings", "sendMailDelegate", "taskRouting");
  }

  @Test
  void anIdentifierFollowedByADotOrAParenthesisIsARootCall() {
    assertThat(ModelReferences.roots("taskRouting.withoutManager(execution)"))
        .containsExactly(new Root("taskRouting", '.'), new Root("execution", ')'));
    assertThat(ModelReferences.roots("assessment == \"compliant\"")).containsExactly(new Root("assessment", '='));
    assertThat(ModelReferences.roots("!sendBacksLeft")).containsExactly(new Root("sendBacksLeft", ' '));
    assertThat(ModelReferences.roots("a ? b.c() : 'd.e()'"))
        .containsExactly(new Root("a", '?'), new Root("b", '.'));
    assertThat(ModelReferences.roots("count > 1.5 and not empty list"))
        .containsExactly(new Root("count", '>'), new Root("list", ' '));
    assertThat(ModelReferences.roots("now().time"))
        .extracting(Root::name, Root::called)
        .containsExactly(tuple("now", true));
    assertThat(ModelReferences.expressions("R3/${deadlines.reviewReminder} and #{execution.processBusinessKey}"))
        .isEqualTo(List.of("deadlines.reviewReminder", "execution.processBusinessKey"));
    assertThat(ModelReferences.expressions("${x == '}'}")).containsExactly("x == '}'");
  }
}
