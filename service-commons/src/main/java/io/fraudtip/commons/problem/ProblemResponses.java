package io.fraudtip.commons.problem;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents every error answer an operation names (4xx, 5xx) as what {@link ProblemMapper} sends: a
 * {@link Problem} in {@code application/problem+json}. An answer that documents a content of its
 * own keeps it; the others need name only their status and what it means. Registered with {@code
 * mp.openapi.filter} ({@link LimitResponses} where every API operation is under a quota).
 */
public class ProblemResponses implements OASFilter {
  private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
      if (path.getValue().getOperations() == null) {
        continue;
      }
      for (Operation operation : path.getValue().getOperations().values()) {
        if (operation.getResponses() == null
            || operation.getResponses().getAPIResponses() == null) {
          continue;
        }
        addAnswers(path.getKey(), operation);
        addTokenAnswers(path.getKey(), operation);
        for (Map.Entry<String, APIResponse> answer :
            operation.getResponses().getAPIResponses().entrySet()) {
          if (isError(answer.getKey()) && answer.getValue().getRef() == null) {
            document(answer.getValue());
          }
        }
      }
    }
  }

  /**
   * An error answer with no content gets the problem's; one that names the problem's media type
   * (for its examples) without a schema gets the schema.
   */
  private static void document(APIResponse answer) {
    Content content = answer.getContent();
    if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
      answer.content(problemContent());
      return;
    }
    MediaType problem = content.getMediaType(Problem.MEDIA_TYPE);
    if (problem != null && problem.getSchema() == null) {
      problem.schema(problemSchema());
    }
  }

  /**
   * What a subclass adds to an operation's answers (a status and its meaning) before they are
   * documented as problems.
   */
  protected void addAnswers(String path, Operation operation) {}

  /**
   * The answers every API operation may give for its bearer token, documented where the operation
   * names none of its own: 401 (an operation that needs a token: none, expired or not signed by a
   * known key; one open to anonymous callers: a token sent that is not valid) and, where a token is
   * needed, 403 (its role or its unit or bank may not do this).
   */
  private static void addTokenAnswers(String path, Operation operation) {
    if (!path.startsWith("/api/")) {
      return;
    }
    APIResponses responses = operation.getResponses();
    boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
    if (!responses.hasAPIResponse("401")) {
      responses.addAPIResponse(
          "401",
          OASFactory.createAPIResponse()
              .description(
                  secured
                      ? "No valid bearer token: missing, expired or not signed by a known key"
                      : "A bearer token was sent and is not valid (expired, or not signed by a"
                          + " known key); leave it out to call anonymously"));
    }
    if (secured && !responses.hasAPIResponse("403")) {
      responses.addAPIResponse(
          "403",
          OASFactory.createAPIResponse()
              .description("The token's role may not call this operation"));
    }
  }

  private static Content problemContent() {
    return OASFactory.createContent()
        .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType().schema(problemSchema()));
  }

  private static Schema problemSchema() {
    return OASFactory.createSchema().ref(PROBLEM_SCHEMA);
  }

  private static boolean isError(String status) {
    return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
  }
}
