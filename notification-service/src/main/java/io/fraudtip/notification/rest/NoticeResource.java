package io.fraudtip.notification.rest;

import io.fraudtip.commons.problem.LimitResponses;
import io.fraudtip.commons.security.Roles;
import io.fraudtip.notification.api.NoticeView;
import io.fraudtip.notification.service.DeliveryLog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the operators must act on, such as endpoints disabled after failing for days. */
@Path("/api/v1/notices")
@Tag(name = "Notices", description = "Operator notices")
@SecurityRequirement(name = "jwt")
@Produces(MediaType.APPLICATION_JSON)
@Extension(name = LimitResponses.QUOTA, value = LimitResponses.NO_QUOTA)
@RolesAllowed(Roles.OPERATOR)
public class NoticeResource {
  private final DeliveryLog log;

  NoticeResource(DeliveryLog log) {
    this.log = log;
  }

  @GET
  @Operation(summary = "Operator notices, newest first")
  @APIResponse(responseCode = "200", description = "The notices")
  public List<NoticeView> list(
      @Parameter(description = "Only the notices from this time on") @QueryParam("since")
          Instant since) {
    return log.notices(Optional.ofNullable(since));
  }
}
