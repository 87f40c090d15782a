package org.officialaccounts.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * A benchmark of the whole application as production runs it: HTTP on a free port, the job
 * executor on, a strong administrator; the context is closed after it, so the next benchmark
 * starts on its own database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      "camunda.bpm.admin-user.id=bench-admin",
      "camunda.bpm.admin-user.password=Bench-Admin-2026-Quiet-Harbour",
      "camunda.bpm.admin-user.email=bench-admin@moe.example",
      "logging.level.org.camunda.bpm.engine.jobexecutor=warn",
    })
@ActiveProfiles("bench")
@DirtiesContext
@interface ApplicationUnderBench {}
