package org.officialaccounts.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.officialaccounts.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * The form guard holds however a resource of the engine's REST API is spelled: its named-engine
 * form, a trailing slash, an encoded letter. A reviewer who may complete a review still cannot
 * rewrite the checked account address on the way, nor end it with a BPMN error, nor start or
 * message a process past its checks.
 */
class EngineDoorsIT extends IntegrationTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService taskService;

  @Test
  void noSpellingOfAnEngineResourceGetsPastTheFormGuard() {
    String pi = startRequest("requester", request(SCHOOL, "X", "@doors_school"));
    runJobs(pi);
    String review = (String) task("reviewer", pi).get("id");
    Object checked = runtime.getVariable(pi, "canonicalUrl");
    Map<String, Object> rewrite = Map.of("value", "https://x.com/someone_else", "type", "String");

    for (String path : List.of(
        "/engine-rest/engine/default/task/" + review + "/variables/canonicalUrl",
        "/engine-rest/task/" + review + "/variables/canonicalUrl/",
        "/engine-rest/engine/default/process-instance/" + pi + "/variables/canonicalUrl/")) {
      assertThat(exchange("reviewer", HttpMethod.PUT, path, rewrite, Map.class).getStatusCode().value())
          .as(path).isIn(400, 403, 404);
    }
    Map<String, Object> approveAndRewrite = variables(Map.of("decision", "approve", "canonicalUrl", "https://x.com/x"));
    for (String path : List.of(
        "/engine-rest/task/" + review + "/complete/",
        "/engine-rest/engine/default/task/" + review + "/complete",
        "/engine-rest/engine/default/task/" + review + "/submit-form/",
        "/engine-rest/t%61sk/" + review + "/complete")) {
      assertThat(post("reviewer", path, approveAndRewrite).getStatusCode().value()).as(path).isIn(400, 403, 404);
    }
    // Nor end the task past its form with a BPMN error or escalation.
    for (String path : List.of(
        "/engine-rest/task/" + review + "/bpmnError",
        "/engine-rest/engine/default/task/" + review + "/bpmnEscalation/")) {
      assertThat(post("reviewer", path, Map.of("errorCode", "REJECTED", "escalationCode", "REJECTED"))
          .getStatusCode().value()).as(path).isEqualTo(403);
    }
    assertThat(taskService.createTaskQuery().taskId(review).count()).as("the review is still open").isEqualTo(1);
    assertThat(runtime.getVariable(pi, "canonicalUrl")).isEqualTo(checked);

    for (String path : List.of("/engine-rest/message", "/engine-rest/engine/default/message/", "/engine-rest/signal")) {
      assertThat(post("requester", path, Map.of("messageName", "CloseAccount", "name", "CloseAccount"))
          .getStatusCode().value()).as(path).isEqualTo(403);
    }
    Map<String, Object> skipping = new java.util.HashMap<>(variables(request(SCHOOL, "X", "@skip_school")));
    skipping.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_RegisterAccount")));
    assertThat(post("requester", "/engine-rest/engine/default/process-definition/key/AccountCreationProcess/start/",
        skipping).getStatusCode().value()).isEqualTo(403);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single()).isZero();
  }
}
