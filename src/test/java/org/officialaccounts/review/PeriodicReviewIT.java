package org.officialaccounts.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** A periodic review on PostgreSQL: findings recorded, corrective action, then compliant. */
class PeriodicReviewIT extends IntegrationTest {

  @Autowired AccountRepository accounts;

  @Test
  void aReviewRecordsFindingsAsksForCorrectionAndEndsCompliant() {
    long id = accounts.insert(SCHOOL, new AccountUrlCanonicalizer().canonicalize(Platform.X, "@reviewed_school"),
        null, AccountStatus.ACTIVE, true, "Manager", "manager@moe.example", OffsetDateTime.now().minusYears(1));

    ResponseEntity<Map> started = post("reviewer", "/engine-rest/process-definition/key/PeriodicReviewProcess/start",
        variables(Map.of("accountId", id)));
    assertThat(started.getStatusCode().value()).as("%s", started.getBody()).isEqualTo(200);
    String pi = (String) started.getBody().get("id");
    // A coordinator may not even see the definition: the engine answers as if it did not exist.
    assertThat(post("requester", "/engine-rest/process-definition/key/PeriodicReviewProcess/start",
        variables(Map.of("accountId", id))).getStatusCode().value()).isIn(403, 404);
    runJobs(pi);
    assertThat(jdbc.sql("SELECT status FROM account WHERE id = ?").param(id).query(String.class).single())
        .isEqualTo("UNDER_REVIEW");

    Map<String, Object> attestation = task("manager", pi);
    assertThat(attestation).containsEntry("name", "Review attestation").containsEntry("assignee", "manager");
    assertThat(complete("manager", (String) attestation.get("id"), Map.of("lastPostDate", "2030-01-01"))
        .getStatusCode().value()).isEqualTo(400);
    assertThat(complete("manager", (String) attestation.get("id"), Map.of("stillNeeded", true,
        "lastPostDate", "2026-11-01", "twoFactorStillOn", true, "administrators", "A\nB", "followsGuide", true,
        "visualIdentityOk", false)).getStatusCode().value()).isEqualTo(204);

    String assess = (String) task("reviewer", pi).get("id");
    complete("reviewer", assess, Map.of("assessment", "corrective", "assessmentNotes", "Picture is not the ministry's",
        "correctiveAction", "Use the unified profile picture"));
    runJobs(pi);
    assertThat(jdbc.sql("SELECT status FROM account WHERE id = ?").param(id).query(String.class).single())
        .isEqualTo("CORRECTIVE_ACTION");
    complete("manager", (String) task("manager", pi).get("id"), Map.of("correctiveReport", "Picture replaced"));
    complete("reviewer", (String) task("reviewer", pi).get("id"), Map.of("assessment", "compliant"));
    runJobs(pi);

    Map<String, Object> account = get("reviewer", "/api/accounts/" + id, Map.class).getBody();
    assertThat(account).containsEntry("status", "ACTIVE").containsEntry("official", true);
    assertThat(jdbc.sql("SELECT CAST(last_post_date AS VARCHAR(10)) FROM account WHERE id = ?").param(id)
        .query(String.class).single()).isEqualTo("2026-11-01");

    Map<String, Object> findings = get("requester", "/api/accounts/" + id + "/findings", Map.class).getBody();
    List<Map<String, Object>> items = (List<Map<String, Object>>) findings.get("items");
    assertThat(items).extracting(f -> (String) f.get("finding"))
        .anySatisfy(f -> assertThat(f).contains("guide is not acknowledged"))
        .anySatisfy(f -> assertThat(f).contains("Corrective action required: Use the unified profile picture"));
    assertThat(items).allSatisfy(f -> assertThat((String) f.get("resolution")).startsWith("Compliant at review"));
    // A review by hand belongs to no campaign.
    assertThat(items).allSatisfy(f -> assertThat(f.get("campaignId")).isNull());
    assertThat(get("manager", "/api/accounts/" + id + "/findings", Map.class).getStatusCode().value()).isEqualTo(403);

    List<Map<String, Object>> history = get("reviewer", "/api/accounts/" + id + "/history", List.class).getBody();
    assertThat(history).extracting(h -> h.get("toStatus"))
        .containsSubsequence("UNDER_REVIEW", "CORRECTIVE_ACTION", "ACTIVE");
  }
}
