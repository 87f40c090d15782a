package org.officialaccounts.publicverify;

import java.util.List;

/** The answers for what a person pasted: one per platform it could name an account on. */
public record VerifyResponse(String query, List<Verdict> answers) {}
