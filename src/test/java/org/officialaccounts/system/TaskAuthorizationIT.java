package org.officialaccounts.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.security.Groups;
import org.officialaccounts.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * PR &amp; Media read tasks through their grant on the process definitions, and work only the
 * tasks offered to them: the row a task offers them carries no read permission of its own.
 */
class TaskAuthorizationIT extends IntegrationTest {

  @Autowired AuthorizationService authorizations;
  @Autowired FilterService filters;
  @Autowired AccountRepository accounts;

  @Test
  void aTaskOfferedToPrMediaIsReadThroughTheDefinitionAndWorkedThroughItsOwnRow() {
    String pi = startRequest("requester", request(SCHOOL, "X", "@grant_school"));
    runJobs(pi);
    Map<String, Object> review = task("reviewer", pi);
    String taskId = (String) review.get("id");
    assertThat(review).containsEntry("name", "Review request");

    Authorization offered = authorizations.createAuthorizationQuery()
        .resourceType(Resources.TASK).resourceId(taskId).groupIdIn(Groups.PR_MEDIA).singleResult();
    assertThat(offered).as("the row that offers the task to PR & Media").isNotNull();
    assertThat(offered.isPermissionGranted(Permissions.READ)).isFalse();
    assertThat(offered.isPermissionGranted(Permissions.UPDATE)).isTrue();

    // The reviewer's queue lists it, counts it, and the reviewer may claim it.
    String filter = filterId("pr-media");
    List<Map<String, Object>> queue = exchange("reviewer", HttpMethod.POST,
        "/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15", Map.of(), List.class).getBody();
    assertThat(queue).extracting(t -> t.get("id")).contains(taskId);
    long queued = jdbc.sql("SELECT COUNT(DISTINCT TASK_ID_) FROM ACT_RU_IDENTITYLINK WHERE TYPE_ = 'candidate'"
        + " AND GROUP_ID_ = ?").param(Groups.PR_MEDIA).query(Long.class).single();
    assertThat(((Number) get("reviewer", "/engine-rest/filter/" + filter + "/count", Map.class).getBody()
        .get("count")).longValue()).isEqualTo(queued);
    assertThat(post("reviewer", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "reviewer"))
        .getStatusCode().value()).isEqualTo(204);

    // Nobody else sees it.
    assertThat(get("manager", "/engine-rest/task/" + taskId, Map.class).getStatusCode().value()).isIn(403, 404);
    assertThat(get("manager", "/engine-rest/task?processInstanceId=" + pi, List.class).getBody()).isEmpty();
  }

  @Test
  void prMediaReadAManagersTaskButMayNotWorkIt() {
    long id = accounts.insert(SCHOOL, new AccountUrlCanonicalizer().canonicalize(Platform.X, "@attested_school"),
        null, AccountStatus.ACTIVE, true, "Manager", "manager@moe.example", OffsetDateTime.now().minusYears(1));
    String pi = (String) post("reviewer", "/engine-rest/process-definition/key/PeriodicReviewProcess/start",
        variables(Map.of("accountId", id))).getBody().get("id");
    runJobs(pi);
    Map<String, Object> attestation = task("manager", pi);
    String taskId = (String) attestation.get("id");

    assertThat(get("reviewer", "/engine-rest/task/" + taskId, Map.class).getStatusCode().value()).isEqualTo(200);
    assertThat(post("reviewer", "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "reviewer"))
        .getStatusCode().value()).isEqualTo(403);
    assertThat(complete("reviewer", taskId, Map.of("stillNeeded", true)).getStatusCode().value()).isEqualTo(403);
    // Not in the reviewer's queue: it is the manager's.
    String filter = filterId("pr-media");
    List<Map<String, Object>> queue = exchange("reviewer", HttpMethod.POST,
        "/engine-rest/filter/" + filter + "/list", Map.of(), List.class).getBody();
    assertThat(queue).extracting(t -> t.get("id")).doesNotContain(taskId);
  }

  private String filterId(String key) {
    for (Filter filter : filters.createTaskFilterQuery().list()) {
      if (filter.getProperties() != null && key.equals(filter.getProperties().get("key"))) {
        return filter.getId();
      }
    }
    throw new AssertionError("No Tasklist filter " + key);
  }
}
