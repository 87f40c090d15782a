package org.officialaccounts.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.support.IntegrationTest;
import org.officialaccounts.verification.AccountVerification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** Regularising an account found unregistered, on PostgreSQL through HTTP: the verification it starts and who may. */
class RegularisationIT extends IntegrationTest {

  @Autowired AccountRepository accounts;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  final AccountUrlCanonicalizer canonicalizer = new AccountUrlCanonicalizer();
  long schoolAccount;
  long otherAccount;

  @BeforeEach
  void unregisteredAccounts() {
    // Account ids restart with every test; verifications other tests left running would name them.
    for (String key : List.of("AccountCreationProcess", AccountVerification.PROCESS_KEY)) {
      runtime.createProcessInstanceQuery().processDefinitionKey(key).rootProcessInstances().list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test clean-up", true, true));
    }
    schoolAccount = unregistered(SCHOOL, Platform.X, "@found_school");
    otherAccount = unregistered(OTHER_SCHOOL, Platform.INSTAGRAM, "found_other");
  }

  private long unregistered(String unit, Platform platform, String handle) {
    OffsetDateTime now = OffsetDateTime.now();
    long id = accounts.insert(unit, canonicalizer.canonicalize(platform, handle), null, AccountStatus.UNREGISTERED,
        false, "هدى العلي", "huda@moe.example", now);
    accounts.insertHistory(id, null, AccountStatus.UNREGISTERED, "reviewer", now, "Found unregistered", null);
    return id;
  }

  @Test
  void aCoordinatorRegularisesTheirSchoolsAccountAndItsVerificationStarts() {
    ResponseEntity<Map> answer = post("requester", "/api/accounts/" + schoolAccount + "/regularise", null);

    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(202);
    assertThat(answer.getBody()).containsEntry("accountId", (int) schoolAccount).containsEntry("status", "APPROVED");
    String pi = (String) answer.getBody().get("processInstanceId");

    ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult();
    assertThat(instance).isNotNull();
    assertThat(instance.getBusinessKey()).isEqualTo("regularisation:" + schoolAccount);
    assertThat(runtime.getVariable(pi, AccountVerification.Var.ACCOUNT_ID)).isEqualTo(schoolAccount);
    assertThat(runtime.getVariable(pi, AccountVerification.Var.INITIATOR)).isEqualTo("requester");
    Task setUp = tasks.createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(setUp.getTaskDefinitionKey()).isEqualTo(AccountVerification.Element.SET_UP);
    // The manager is no user: the school's coordinator is offered the set-up in Tasklist.
    assertThat(task("requester", pi)).containsEntry("name", "Set up account");

    assertThat(get("requester", "/api/accounts/" + schoolAccount, Map.class).getBody()).containsEntry("status", "APPROVED");
    List<Map<String, Object>> history = get("requester", "/api/accounts/" + schoolAccount + "/history", List.class).getBody();
    assertThat(history).hasSize(2);
    assertThat(history.get(1)).containsEntry("fromStatus", "UNREGISTERED").containsEntry("toStatus", "APPROVED")
        .containsEntry("changedBy", "requester").containsEntry("reason", "Accepted for regularisation")
        .containsEntry("processInstanceId", pi);

    ResponseEntity<Map> twice = post("requester", "/api/accounts/" + schoolAccount + "/regularise", null);
    assertThat(twice.getStatusCode().value()).isEqualTo(409);
    assertThat((String) twice.getBody().get("detail"))
        .isEqualTo("A verification of account " + schoolAccount + " is already running (process instance " + pi + ")");
    assertThat((List<Map<String, Object>>) twice.getBody().get("errors")).singleElement()
        .satisfies(e -> assertThat((String) e.get("reasonAr")).contains("جارٍ بالفعل"));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AccountVerification.PROCESS_KEY).count()).isEqualTo(1);
  }

  @Test
  void onlyAnUnregisteredAccountIsRegularised() {
    long active = accounts.insert(SCHOOL, canonicalizer.canonicalize(Platform.YOUTUBE, "@active-school"), null,
        AccountStatus.ACTIVE, true, "Huda", "huda@moe.example", OffsetDateTime.now());

    ResponseEntity<Map> answer = post("reviewer", "/api/accounts/" + active + "/regularise", null);

    assertThat(answer.getStatusCode().value()).isEqualTo(409);
    assertThat((String) answer.getBody().get("detail"))
        .isEqualTo("Account " + active + " is ACTIVE; only an UNREGISTERED account is regularised");
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AccountVerification.PROCESS_KEY).count()).isZero();
  }

  @Test
  void aUnitsRegisteredAccountOnThePlatformComesFirst() {
    long official = accounts.insert(OTHER_SCHOOL, canonicalizer.canonicalize(Platform.INSTAGRAM, "official_other"), null,
        AccountStatus.ACTIVE, true, "Sara", "sara@moe.example", OffsetDateTime.now());

    ResponseEntity<Map> answer = post("reviewer", "/api/accounts/" + otherAccount + "/regularise", null);

    assertThat(answer.getStatusCode().value()).isEqualTo(409);
    assertThat((String) answer.getBody().get("detail")).startsWith(
        "Unit " + OTHER_SCHOOL + " already holds account " + official + " on INSTAGRAM (ACTIVE)");
    assertThat(jdbc.sql("SELECT status FROM account WHERE id = ?").param(otherAccount).query(String.class).single())
        .isEqualTo("UNREGISTERED");
  }

  @Test
  void whoMayRegulariseWhichAccount() {
    assertThat(post(null, "/api/accounts/" + schoolAccount + "/regularise", null).getStatusCode().value()).isEqualTo(401);
    assertThat(post("manager", "/api/accounts/" + schoolAccount + "/regularise", null).getStatusCode().value()).isEqualTo(403);
    assertThat(post("undersecretary", "/api/accounts/" + schoolAccount + "/regularise", null).getStatusCode().value()).isEqualTo(403);
    ResponseEntity<Map> foreign = post("requester", "/api/accounts/" + otherAccount + "/regularise", null);
    assertThat(foreign.getStatusCode().value()).isEqualTo(403);
    assertThat((String) foreign.getBody().get("detail")).contains("outside your part of the ministry");
    assertThat(post("requester", "/api/accounts/999999/regularise", null).getStatusCode().value()).isEqualTo(404);
    assertThat(post("requester", "/api/accounts/abc/regularise", null).getStatusCode().value()).isEqualTo(400);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(AccountVerification.PROCESS_KEY).count()).isZero();

    // PR & Media regularise any unit's account.
    assertThat(post("reviewer", "/api/accounts/" + otherAccount + "/regularise", null).getStatusCode().value()).isEqualTo(202);
    assertThat(accounts.find(otherAccount).orElseThrow().status()).isEqualTo(AccountStatus.APPROVED);
  }
}
