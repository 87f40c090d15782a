package org.officialaccounts.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.officialaccounts.registry.Account;
import org.officialaccounts.registry.AccountRepository;
import org.officialaccounts.registry.AccountStatus;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.Platform;
import org.officialaccounts.review.PeriodicReview.Assessment;
import org.officialaccounts.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The review's rules against the real registry: guide editions by date, an assessment that comes too late. */
class ReviewServiceIT extends IntegrationTest {

  @Autowired AccountRepository accounts;
  @Autowired ReviewService reviews;

  @Test
  void anEditionAcknowledgedAheadOfItsDateCoversTheOneInForce() {
    long id = account(AccountStatus.ACTIVE);
    jdbc.sql("INSERT INTO guide_version (version, effective_date, summary, published_by, published_at)"
        + " VALUES ('9.0', ?, 'Next edition', 'reviewer', CURRENT_TIMESTAMP)")
        .param(LocalDate.now().plusMonths(3)).update();
    try {
      Account account = accounts.find(id).orElseThrow();
      assertThat(guideFindings(account)).as("nothing acknowledged").hasSize(1);

      jdbc.sql("UPDATE account SET guide_version = '9.0' WHERE id = ?").param(id).update();
      assertThat(guideFindings(account)).as("a later edition, acknowledged before it takes effect").isEmpty();

      jdbc.sql("UPDATE account SET guide_version = '0.9-draft' WHERE id = ?").param(id).update();
      assertThat(guideFindings(account)).as("an edition not on record").hasSize(1);
    } finally {
      jdbc.sql("DELETE FROM guide_version WHERE version = '9.0'").update();
    }
  }

  @Test
  void anAssessmentOfAnAccountThatMovedOnMeanwhileLeavesItsStatusAlone() {
    long id = account(AccountStatus.SUSPENDED);
    LocalDate due = reviews.conclude(id, Assessment.COMPLIANT, "All good", null, null, "reviewer", "pi-1", null);

    Account account = accounts.find(id).orElseThrow();
    assertThat(due).isNull();
    assertThat(account.status()).isEqualTo(AccountStatus.SUSPENDED);
    assertThat(account.official()).isFalse();
    assertThat(jdbc.sql("SELECT reason FROM account_history WHERE account_id = ? ORDER BY id DESC LIMIT 1")
        .param(id).query(String.class).single()).contains("status left as SUSPENDED");

    long active = account(AccountStatus.UNDER_REVIEW);
    assertThat(reviews.conclude(active, Assessment.COMPLIANT, null, null, null, "reviewer", "pi-2", null)).isNotNull();
    assertThat(accounts.find(active).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
  }

  private List<ReviewService.PreCheck> guideFindings(Account account) {
    return reviews.preCheck(account, "manager").stream().filter(check -> check.textEn().contains("guide")).toList();
  }

  private long account(AccountStatus status) {
    return accounts.insert(SCHOOL, new AccountUrlCanonicalizer().canonicalize(Platform.X, "@svc_" + status.ordinal()),
        null, status, status != AccountStatus.SUSPENDED, "Manager", "manager@moe.example", OffsetDateTime.now().minusMonths(1));
  }
}
