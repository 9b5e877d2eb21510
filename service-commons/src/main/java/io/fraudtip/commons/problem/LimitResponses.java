package io.fraudtip.commons.problem;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the answers every API operation of a service may give whatever its own: {@code 429}
 * (its caller's quota is spent, SPEC §10) and, for one that takes a body, {@code 413} (the body is
 * over the service's limit). An operation that documents its own keeps it. Registered with {@code
 * mp.openapi.filter} by the services whose every API endpoint is under a quota.
 */
public class LimitResponses implements OASFilter {
  private static final String API = "/api/";
  private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
      if (!path.getKey().startsWith(API) || path.getValue().getOperations() == null) {
        continue;
      }
      for (Operation operation : path.getValue().getOperations().values()) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
          continue;
        }
        if (!responses.hasAPIResponse("429")) {
          responses.addAPIResponse(
              "429",
              problem(
                      "The caller's quota is spent (by source address and client, or by a bank's"
                          + " or police unit's token): try again after Retry-After seconds")
                  .addHeader(
                      "Retry-After",
                      OASFactory.createHeader()
                          .description("Seconds to wait before trying again")
                          .schema(
                              OASFactory.createSchema()
                                  .addType(
                                      org.eclipse.microprofile.openapi.models.media.Schema
                                          .SchemaType.INTEGER))));
        }
        if (operation.getRequestBody() != null && !responses.hasAPIResponse("413")) {
          responses.addAPIResponse(
              "413", problem("The body is larger than this service accepts; nothing was stored"));
        }
      }
    }
  }

  private static APIResponse problem(String description) {
    return OASFactory.createAPIResponse()
        .description(description)
        .content(
            OASFactory.createContent()
                .addMediaType(
                    Problem.MEDIA_TYPE,
                    OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA))));
  }
}
