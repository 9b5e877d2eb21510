package io.fraudtip.notification.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Changes to a webhook endpoint; absent fields stay as they are. */
@Schema(description = "Changes to a webhook endpoint; absent fields stay as they are")
public record EndpointUpdate(
    @Size(max = 2000) @Schema(example = "https://hooks.vietcombank.example/fraudtip/v2") String url,
    @Size(min = 1, max = 16)
        @Schema(
            description = "The event types to receive from now on (as when registering)",
            example = "[\"account.reported\", \"freeze.requested\", \"hold.lifted\"]")
        List<@NotBlank String> eventTypes,
    @Schema(
            description =
                "false pauses deliveries (the bank's other active endpoints get endpoint.disabled);"
                    + " true re-enables a disabled endpoint, which then also gets the alerts of the"
                    + " last fraudtip.webhooks.backlog-window (72 h) that no endpoint took")
        Boolean active,
    @Size(max = 200) @Schema(example = "Phòng chống gian lận - môi trường dự phòng")
        String description) {}
