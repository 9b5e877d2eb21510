package io.fraudtip.commons.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents the answers every API operation of a service may give whatever its own: {@code 429}
 * (its caller's quota is spent, SPEC §10) and, for one that takes a body, {@code 413} (the body is
 * over the service's limit). An operation that documents its own keeps it. Registered with {@code
 * mp.openapi.filter} by the services whose every API endpoint is under a quota; these answers, like
 * every error answer, are then documented as problems ({@link ProblemResponses}).
 */
public class LimitResponses extends ProblemResponses {
  /**
   * The extension of an operation under no quota: one only operators call (their requests are not
   * counted), set on its resource class as {@code @Extension(name = QUOTA, value = NO_QUOTA)}.
   */
  public static final String QUOTA = "x-quota";

  public static final String NO_QUOTA = "none";

  private static final String API = "/api/";

  @Override
  protected void addAnswers(String path, Operation operation) {
    if (!path.startsWith(API)) {
      return;
    }
    APIResponses responses = operation.getResponses();
    boolean counted =
        operation.getExtensions() == null
            || !NO_QUOTA.equals(String.valueOf(operation.getExtensions().get(QUOTA)));
    if (counted && !responses.hasAPIResponse("429")) {
      responses.addAPIResponse(
          "429",
          OASFactory.createAPIResponse()
              .description(
                  "The caller's quota is spent (by source address and client, or by a bank's"
                      + " or police unit's token): try again after Retry-After seconds")
              .addHeader(
                  "Retry-After",
                  OASFactory.createHeader()
                      .description("Seconds to wait before trying again")
                      .schema(
                          OASFactory.createSchema()
                              .addType(
                                  org.eclipse.microprofile.openapi.models.media.Schema.SchemaType
                                      .INTEGER))));
    }
    if (operation.getRequestBody() != null && !responses.hasAPIResponse("413")) {
      responses.addAPIResponse(
          "413",
          OASFactory.createAPIResponse()
              .description("The body is larger than this service accepts; nothing was stored"));
    }
  }
}
