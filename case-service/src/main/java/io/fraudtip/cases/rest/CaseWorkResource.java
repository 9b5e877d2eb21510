package io.fraudtip.cases.rest;

import io.fraudtip.cases.api.CaseViews.CaseDetail;
import io.fraudtip.cases.api.CaseWorkExamples;
import io.fraudtip.cases.api.CaseWorkRequests;
import io.fraudtip.cases.api.CaseWorkRequests.Split;
import io.fraudtip.cases.casework.CaseSplits;
import io.fraudtip.cases.casework.IdentifierEntries;
import io.fraudtip.cases.casework.ManualMerges;
import io.fraudtip.commons.problem.Problem;
import io.fraudtip.commons.problem.ProblemMessages;
import io.fraudtip.commons.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A unit's work on its cases by hand: enter an identifier found during the investigation, merge two
 * cases, split tips out into a new case. Each is a change of the case: its ETag in If-Match, the
 * case's unit or one above it (404 for anyone else, for either case of a merge), an open case
 * (409).
 */
@Path("/api/v1/cases/{id}")
@Tag(name = "Cases", description = "Police units pull and work their cases")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Roles.POLICE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseWorkResource {
  // Work that raced another change of the same case is told as a stale ETag, whichever came first.
  static final String STALE =
      "Stale If-Match: the case changed since it was read, or another change sent with the same"
          + " ETag won meanwhile (stale-version)";

  private final IdentifierEntries entries;
  private final ManualMerges merges;
  private final CaseSplits splits;

  CaseWorkResource(IdentifierEntries entries, ManualMerges merges, CaseSplits splits) {
    this.entries = entries;
    this.merges = merges;
    this.splits = splits;
  }

  @POST
  @Path("identifiers")
  @Operation(
      summary = "Enter an identifier found during the investigation (an account, a phone, a site)",
      description =
          "Normalised and linked exactly as a tip's identifier: when another case holds it, the"
              + " cases merge as they would for a tip (the survivor: the case of the higher unit,"
              + " then the older). It counts as a report by a verified reporter, the unit, without"
              + " transfer details (SPEC §10: LOW on its own, MEDIUM with another independent"
              + " source, HIGH only once police confirm it by a freeze request or a closure), is on"
              + " the watchlist at once and shows enteredBy; a bank account alerts its bank as one"
              + " from a tip (account.reported, through the IDENTIFIER_ADDED case event). A"
              + " duplicate is 409, not an idempotent 200. An identifier held by a case outside my"
              + " unit's tree is refused (409 identifier-outside-scope, naming no case): a unit"
              + " never merges a case it cannot see into its own; a unit above both cases can."
              + " Nor is a closed case merged: one that holds it is reopened first (409"
              + " case-closed)."
              + " It counts as evidence on the identifier, not as one of the case's independent"
              + " sources (those are the reporters of its tips).")
  @RequestBody(
      required = true,
      content =
          @Content(
              schema = @Schema(implementation = CaseWorkRequests.AddIdentifier.class),
              examples = {
                @ExampleObject(name = "account", value = CaseWorkExamples.ADD_ACCOUNT),
                @ExampleObject(name = "phone", value = CaseWorkExamples.ADD_PHONE)
              }))
  @APIResponse(
      responseCode = "200",
      description =
          "Entered: the case that holds it now, with its new ETag (after a merge the survivor"
              + " when I see it, else my case, which names it in mergedInto)",
      content =
          @Content(
              schema = @Schema(implementation = CaseDetail.class),
              examples = @ExampleObject(name = "entered", value = CaseWorkExamples.ADDED)))
  @APIResponse(
      responseCode = "400",
      description = "A bad or missing field, each named",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(name = "bad account", value = CaseWorkExamples.BAD_ACCOUNT)))
  @APIResponse(responseCode = "404", description = "No such case in my unit's tree")
  @APIResponse(
      responseCode = "409",
      description =
          "The case holds it already (identifier-present), it is on the allow-list (allow-listed),"
              + " a case outside my unit's tree holds it (identifier-outside-scope), or the case,"
              + " or a closed case that holds it, is closed (case-closed: its unit reopens it"
              + " first)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = {
                @ExampleObject(name = "duplicate", value = CaseWorkExamples.DUPLICATE),
                @ExampleObject(name = "outside my tree", value = CaseWorkExamples.OUTSIDE_SCOPE)
              }))
  @APIResponse(responseCode = "412", description = STALE)
  @APIResponse(responseCode = "428", description = "No If-Match")
  public Response addIdentifier(
      @PathParam("id") UUID id,
      @Parameter(description = CaseResource.IF_MATCH_DOC, example = CaseResource.IF_MATCH_EXAMPLE)
          @HeaderParam("If-Match")
          String ifMatch,
      @Parameter(description = ProblemMessages.ACCEPT_LANGUAGE_DOC, example = "vi")
          @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
          String language,
      @Valid @NotNull CaseWorkRequests.AddIdentifier request) {
    return CaseResource.withTag(
        entries.add(id, ifMatch, request, ProblemMessages.locale(language)));
  }

  @POST
  @Path("merge")
  @Operation(
      summary = "Merge another case of my unit's tree with this one, by hand",
      description =
          "As tips merge cases: the survivor is the case of the higher unit, then the older; it"
              + " takes the other's tips, identifiers, bank answers, holds and files, and may be"
              + " re-routed upwards. Both timelines say it was by hand, by which unit and why;"
              + " published as MERGED, which citizens' tracking shows for the moved tips.")
  @RequestBody(
      required = true,
      content =
          @Content(
              schema = @Schema(implementation = CaseWorkRequests.MergeCases.class),
              examples = @ExampleObject(name = "merge", value = CaseWorkExamples.MERGE)))
  @APIResponse(
      responseCode = "200",
      description =
          "Merged: the survivor with its new ETag (my case when a re-routing took the survivor out"
              + " of my tree)",
      content =
          @Content(
              schema = @Schema(implementation = CaseDetail.class),
              examples = @ExampleObject(name = "merged", value = CaseWorkExamples.MERGED)))
  @APIResponse(responseCode = "400", description = "No caseId or reason")
  @APIResponse(responseCode = "404", description = "Either case is not in my unit's tree")
  @APIResponse(
      responseCode = "409",
      description =
          "The same case twice (same-case), or either case closed or merged (case-closed)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "closed", value = CaseWorkExamples.CLOSED)))
  @APIResponse(responseCode = "412", description = STALE)
  @APIResponse(responseCode = "428", description = "No If-Match")
  public Response merge(
      @PathParam("id") UUID id,
      @Parameter(description = CaseResource.IF_MATCH_DOC, example = CaseResource.IF_MATCH_EXAMPLE)
          @HeaderParam("If-Match")
          String ifMatch,
      @Valid @NotNull CaseWorkRequests.MergeCases request) {
    return CaseResource.withTag(merges.merge(id, ifMatch, request));
  }

  @POST
  @Path("split")
  @Operation(
      summary = "Split tips out of this case into a new case, by hand",
      description =
          "The new case takes the named tips and the identifiers only they name; an identifier"
              + " that tips on both sides name stays with this case, as do identifiers no tip names"
              + " (traced accounts, identifiers a unit entered), bank answers, freeze requests,"
              + " holds and files. It is routed by the rules like a new case (it may go to another"
              + " unit). Both timelines record it; published as SPLIT for the new case and"
              + " STATUS_CHANGED for this one, and the moved tips' tracking shows it.")
  @RequestBody(
      required = true,
      content =
          @Content(
              schema = @Schema(implementation = CaseWorkRequests.SplitCase.class),
              examples = @ExampleObject(name = "split", value = CaseWorkExamples.SPLIT)))
  @APIResponse(
      responseCode = "200",
      description = "Split: this case as changed (its new version is the ETag) and the new case",
      content =
          @Content(
              schema = @Schema(implementation = Split.class),
              examples = @ExampleObject(name = "split", value = CaseWorkExamples.SPLIT_DONE)))
  @APIResponse(
      responseCode = "400",
      description = "No tips or reason, or a tip that is not in this case (tip.notInCase)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples =
                  @ExampleObject(name = "not in case", value = CaseWorkExamples.NOT_IN_CASE)))
  @APIResponse(responseCode = "404", description = "No such case in my unit's tree")
  @APIResponse(
      responseCode = "409",
      description =
          "Every tip of the case named (split-all-tips), or the case closed (case-closed)",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              examples = @ExampleObject(name = "all tips", value = CaseWorkExamples.SPLIT_ALL)))
  @APIResponse(responseCode = "412", description = STALE)
  @APIResponse(responseCode = "428", description = "No If-Match")
  public Response split(
      @PathParam("id") UUID id,
      @Parameter(description = CaseResource.IF_MATCH_DOC, example = CaseResource.IF_MATCH_EXAMPLE)
          @HeaderParam("If-Match")
          String ifMatch,
      @Parameter(description = ProblemMessages.ACCEPT_LANGUAGE_DOC, example = "vi")
          @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
          String language,
      @Valid @NotNull CaseWorkRequests.SplitCase request) {
    Split split = splits.split(id, ifMatch, request, ProblemMessages.locale(language));
    return Response.ok(split).tag(new EntityTag(Long.toString(split.original().version()))).build();
  }
}
