package org.officialaccounts.inventory;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.officialaccounts.api.ApiProblems.ForbiddenException;
import org.officialaccounts.inventory.InventoryFile.Contents;
import org.officialaccounts.inventory.InventoryRules.CheckedRow;
import org.officialaccounts.registry.AccountUrlCanonicalizer;
import org.officialaccounts.registry.UnitAccess;
import org.officialaccounts.security.Actor;
import org.officialaccounts.security.Groups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The inventory import: accounts found in the wild, listed in a CSV file, enter the registry as
 * {@code UNREGISTERED} once every row is checked; a file with refused rows imports nothing
 * unless the caller asks for a partial import.
 */
@Service
public class InventoryService {

  private static final Logger LOG = LoggerFactory.getLogger(InventoryService.class);
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int LINES_NAMED = 20;

  private final InventoryRepository repository;
  private final UnitAccess access;
  private final InventoryRules rules;
  private final InventorySettings settings;
  private final Clock clock;

  public InventoryService(
      InventoryRepository repository,
      UnitAccess access,
      AccountUrlCanonicalizer canonicalizer,
      InventorySettings settings,
      Clock clock) {
    this.repository = repository;
    this.access = access;
    this.rules = new InventoryRules(canonicalizer);
    this.settings = settings;
    this.clock = clock;
  }

  /** Whether the person may import at all: PR &amp; Media and administrators for any unit, coordinators for their own. */
  public static boolean mayImport(Actor actor) {
    return actor.groups().contains(Groups.PR_MEDIA)
        || actor.groups().contains(Groups.CAMUNDA_ADMIN)
        || actor.groups().contains(Groups.UNIT_COORDINATORS);
  }

  public InventorySettings settings() {
    return settings;
  }

  /**
   * Checks the file and, unless it is a dry run or the mode refuses it, records its valid rows.
   *
   * @throws ForbiddenException when the person may not import, or a row is for a unit outside
   *     their part of the ministry (nothing is written)
   * @throws RefusedException (413) when the file is over the size or row limit
   * @throws RefusedException (409) when an address was registered while the import ran
   */
  public ImportOutcome importFile(byte[] file, ImportMode mode, boolean dryRun, Actor actor) {
    if (!mayImport(actor)) {
      throw new ForbiddenException("Inventories are imported by PR & Media, administrators and unit coordinators");
    }
    if (file.length > settings.getMaxFileSize().toBytes()) {
      throw tooLarge(settings);
    }
    Contents contents = InventoryFile.read(file, settings.getMaxRows(), settings.getMaxLineLength());
    UnitTree units = new UnitTree(repository.unitParents(), access.visibleRoots(actor));
    List<CheckedRow> checked = contents.lines().stream().map(line -> rules.check(line, units)).toList();
    refuseRowsOutsideScope(checked);

    Set<String> urls = new LinkedHashSet<>();
    checked.forEach(row -> {
      if (row.account() != null) {
        urls.add(row.account().canonicalUrl());
      }
    });
    checked = InventoryRules.crossCheck(checked, repository.registeredByUrl(urls));

    List<Rejection> errors = new ArrayList<>(contents.malformed());
    List<CheckedRow> valid = new ArrayList<>();
    for (CheckedRow row : checked) {
      errors.addAll(row.rejections());
      if (row.valid()) {
        valid.add(row);
      }
    }
    errors.sort(Comparator.comparingInt(Rejection::line));
    int rejected = contents.rowCount() - valid.size();
    // A file that cannot be read to its end may hide rows after the break: nothing is imported.
    boolean refused = !contents.complete() || (mode == ImportMode.ALL && rejected > 0);

    OffsetDateTime now = OffsetDateTime.now(clock);
    String importId = "IMP-" + now.format(ID_TIME) + "-" + HexFormat.of().withUpperCase().formatHex(randomBytes());
    int imported = 0;
    if (!refused && !dryRun && !valid.isEmpty()) {
      try {
        repository.insertUnregistered(valid, actor.userId(), now, importId);
      } catch (DuplicateKeyException e) {
        throw RefusedException.conflict(
            "An account of this file was registered while it was being imported; nothing was imported, run the import again",
            "سُجّل أحد حسابات الملف أثناء الاستيراد؛ لم يُستورد شيء، فأعد الاستيراد");
      }
      imported = valid.size();
    }
    LOG.info("Inventory import {} by {} ({}{}): {} rows, {} valid, {} imported, {} rejected",
        importId, actor.userId(), mode.name().toLowerCase(Locale.ROOT), dryRun ? ", dry run" : "",
        contents.rowCount(), valid.size(), imported, rejected);
    return new ImportOutcome(importId, mode.name().toLowerCase(Locale.ROOT), dryRun, contents.rowCount(),
        valid.size(), imported, rejected, List.copyOf(errors), contents.complete(), refused);
  }

  static RefusedException tooLarge(InventorySettings settings) {
    long max = settings.getMaxFileSize().toBytes();
    return RefusedException.tooLarge(
        "The file is larger than " + max + " bytes; split it into smaller files",
        "حجم الملف أكبر من " + max + " بايت؛ قسّمه إلى ملفات أصغر");
  }

  /** Rows for another part of the ministry are not a data problem to list but a permission the person lacks. */
  private static void refuseRowsOutsideScope(List<CheckedRow> checked) {
    List<CheckedRow> outside = checked.stream().filter(CheckedRow::outsideScope).toList();
    if (outside.isEmpty()) {
      return;
    }
    String lines = outside.stream().limit(LINES_NAMED).map(row -> String.valueOf(row.line()))
        .collect(Collectors.joining(", "))
        + (outside.size() > LINES_NAMED ? " and " + (outside.size() - LINES_NAMED) + " more" : "");
    Set<String> units = new TreeSet<>();
    outside.forEach(row -> units.add(row.unitCode()));
    String named = units.stream().limit(LINES_NAMED).collect(Collectors.joining(", "));
    throw new ForbiddenException("Lines " + lines + " are for units outside your part of the ministry ("
        + named + "); nothing was imported");
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[3];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
