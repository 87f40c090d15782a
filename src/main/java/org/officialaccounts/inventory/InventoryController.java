package org.officialaccounts.inventory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.officialaccounts.api.ApiProblems.ForbiddenException;
import org.officialaccounts.api.ApiProblems.InvalidInputException;
import org.officialaccounts.api.Params;
import org.officialaccounts.inventory.RegularisationService.Regularisation;
import org.officialaccounts.security.Actor;
import org.officialaccounts.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The inventory of accounts nobody approved: imported from a CSV file as {@code UNREGISTERED}
 * accounts, each of which a coordinator, PR &amp; Media or an administrator may then regularise.
 */
@RestController
@RequestMapping("/api/accounts")
@Tag(name = "Inventory", description = "Accounts found in the wild: CSV import and regularisation")
public class InventoryController {

  static final String TEXT_CSV = "text/csv";

  private static final String IMPORT_DESCRIPTION = """
      A UTF-8 CSV file (with or without BOM, CRLF or LF, RFC 4180 quoting) whose header names the \
      columns unit_code, platform, url, manager_name, manager_email in any order. Each row is \
      checked: the unit exists and the caller may act for it, the platform is the registry's, the \
      address canonicalises on it, the account is neither in the registry nor earlier in the file, \
      the manager's name and email are valid. Accepted rows become UNREGISTERED accounts with a \
      history entry each, in one transaction. By default (mode=all) any rejected row refuses the \
      file with 422 and nothing is written; mode=partial imports the valid rows; dryRun=true only \
      checks. Every rejection names the line (header = 1), the column and the reason in English \
      and Arabic. PR & Media and administrators import for any unit, unit coordinators for their \
      own part of the ministry.""";

  private final InventoryService inventory;
  private final RegularisationService regularisations;

  public InventoryController(InventoryService inventory, RegularisationService regularisations) {
    this.inventory = inventory;
    this.regularisations = regularisations;
  }

  @PostMapping(value = "/import", consumes = TEXT_CSV)
  @Operation(summary = "Import an inventory (CSV body)", description = IMPORT_DESCRIPTION,
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
          content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string"))))
  @ApiResponse(responseCode = "200", description = "Imported (or checked, on a dry run); rejected rows listed in partial mode")
  @ApiResponse(responseCode = "400", description = "Not UTF-8, no rows, a column missing or unknown, a bad parameter")
  @ApiResponse(responseCode = "403", description = "Not an importer, or rows for units outside the caller's part of the ministry")
  @ApiResponse(responseCode = "409", description = "An address was registered while the file was imported")
  @ApiResponse(responseCode = "413", description = "Over the size or row limit")
  @ApiResponse(responseCode = "422", description = "Rows rejected: every one listed, nothing written")
  public ResponseEntity<Object> importCsv(
      @Parameter(description = "all (default) or partial") @RequestParam(required = false) String mode,
      @Parameter(description = "true: check only") @RequestParam(required = false) String dryRun,
      HttpServletRequest request,
      Authentication authentication)
      throws IOException {
    Actor actor = importer(authentication);
    ImportMode importMode = mode(mode);
    boolean check = Params.bool("dryRun", dryRun, false);
    requireUtf8(request.getContentType());
    int max = (int) inventory.settings().getMaxFileSize().toBytes();
    // A client waiting for "100 Continue" is refused before it uploads anything. Any other is
    // read up to the limit: refused unread, its body would be cut off mid-upload by the server.
    if ("100-continue".equalsIgnoreCase(request.getHeader("Expect")) && request.getContentLengthLong() > max) {
      throw InventoryService.tooLarge(inventory.settings());
    }
    byte[] body = request.getInputStream().readNBytes(max + 1);
    if (body.length > max) {
      throw InventoryService.tooLarge(inventory.settings());
    }
    return answer(inventory.importFile(body, importMode, check, actor));
  }

  @PostMapping(value = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Import an inventory (file upload, form field \"file\")", description = IMPORT_DESCRIPTION)
  @ApiResponse(responseCode = "200", description = "Imported (or checked, on a dry run); rejected rows listed in partial mode")
  @ApiResponse(responseCode = "422", description = "Rows rejected: every one listed, nothing written")
  public ResponseEntity<Object> importUpload(
      @Parameter(description = "The CSV file") @RequestParam(name = "file", required = false) MultipartFile file,
      @Parameter(description = "all (default) or partial") @RequestParam(required = false) String mode,
      @Parameter(description = "true: check only") @RequestParam(required = false) String dryRun,
      Authentication authentication)
      throws IOException {
    Actor actor = importer(authentication);
    ImportMode importMode = mode(mode);
    boolean check = Params.bool("dryRun", dryRun, false);
    if (file == null || file.isEmpty()) {
      throw new InvalidInputException("file", "Attach the CSV file as the form field 'file'",
          "أرفق ملف CSV في حقل النموذج 'file'");
    }
    if (file.getSize() > inventory.settings().getMaxFileSize().toBytes()) {
      throw InventoryService.tooLarge(inventory.settings());
    }
    return answer(inventory.importFile(file.getBytes(), importMode, check, actor));
  }

  @PostMapping("/{id}/regularise")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(summary = "Regularise an unregistered account",
      description = "Starts the account's verification (AccountVerificationProcess, message RegulariseAccount): "
          + "the account becomes APPROVED and its manager is asked to set it up. For the coordinators of the "
          + "account's unit, PR & Media and administrators.")
  @ApiResponse(responseCode = "202", description = "Verification started")
  @ApiResponse(responseCode = "403", description = "Another unit's account, or not a coordinator, PR & Media or administrator")
  @ApiResponse(responseCode = "404", description = "No such account")
  @ApiResponse(responseCode = "409", description = "Not UNREGISTERED, a verification already running, or the unit's place on the platform taken")
  public Regularisation regularise(@PathVariable String id, Authentication authentication) {
    return regularisations.regularise(Params.id("id", id), CurrentActor.of(authentication));
  }

  private static Actor importer(Authentication authentication) {
    Actor actor = CurrentActor.of(authentication);
    // Checked before the body is read: nobody else gets a file parsed.
    if (!InventoryService.mayImport(actor)) {
      throw new ForbiddenException("Inventories are imported by PR & Media, administrators and unit coordinators");
    }
    return actor;
  }

  private static ImportMode mode(String value) {
    ImportMode mode = Params.enumValue(ImportMode.class, "mode", value);
    return mode == null ? ImportMode.ALL : mode;
  }

  private static void requireUtf8(String contentType) {
    Charset charset;
    try {
      charset = contentType == null ? null : MediaType.parseMediaType(contentType).getCharset();
    } catch (IllegalArgumentException e) {
      charset = StandardCharsets.ISO_8859_1;
    }
    if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
      throw new InvalidInputException("Content-Type", "Send the file as UTF-8 (charset=utf-8)",
          "أرسل الملف بترميز UTF-8 (charset=utf-8)");
    }
  }

  private static ResponseEntity<Object> answer(ImportOutcome outcome) {
    if (!outcome.refused()) {
      return ResponseEntity.ok(outcome);
    }
    String detail = outcome.rejected() + " of " + outcome.rows() + " rows are rejected; "
        + (outcome.dryRun() ? "the import would write nothing" : "nothing was imported")
        + (outcome.complete() ? "; mode=partial imports the valid rows" : ": the file could not be read to its end");
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, detail);
    problem.setTitle("Rows rejected");
    problem.setType(URI.create("urn:official-accounts:problem:rows-rejected"));
    problem.setProperty("importId", outcome.importId());
    problem.setProperty("mode", outcome.mode());
    problem.setProperty("dryRun", outcome.dryRun());
    problem.setProperty("rows", outcome.rows());
    problem.setProperty("valid", outcome.valid());
    problem.setProperty("imported", outcome.imported());
    problem.setProperty("rejected", outcome.rejected());
    problem.setProperty("complete", outcome.complete());
    problem.setProperty("errors", outcome.errors());
    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(problem);
  }

  @ExceptionHandler(RefusedException.class)
  ProblemDetail refused(RefusedException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    problem.setTitle(e.status().getReasonPhrase());
    problem.setType(URI.create("urn:official-accounts:problem:"
        + (e.status() == HttpStatus.CONFLICT ? "conflict" : "too-large")));
    String field = e.status() == HttpStatus.CONFLICT ? "status" : "file";
    problem.setProperty("errors", List.of(Map.of("field", field, "reason", e.getMessage(), "reasonAr", e.reasonAr())));
    return problem;
  }
}
