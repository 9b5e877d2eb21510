package io.fraudtip.notification.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook endpoint to register. */
@Schema(description = "A webhook endpoint to register")
public record EndpointRequest(
    @Pattern(regexp = "\\d{6}")
        @Schema(
            description = "The bank's NAPAS BIN; operators only, a bank's own token sets its own",
            example = "970436")
        String bankBin,
    @NotBlank
        @Size(max = 2000)
        @Schema(
            description = "https URL on a public address",
            example = "https://hooks.vietcombank.example/fraudtip")
        String url,
    @NotEmpty
        @Size(max = 16)
        @Schema(
            description =
                "Event types to receive: account.reported and account.traced (advisories: a tip"
                    + " named the account; another bank's answer traced money on to it),"
                    + " case.linked (the case of a tip became known after its account.reported:"
                    + " data.caseReference, and data.linkedAlertIds the alerts it completes),"
                    + " freeze.requested (a police unit's request, naming its authorisation and"
                    + " the hold), case.confirmed, alert.retracted, hold.extended (a police"
                    + " order: new expiry and reason), hold.lifted, hold.expired. endpoint.disabled"
                    + " (another endpoint of the bank was disabled: data.disabledEndpoint) is sent"
                    + " to every other active endpoint whether listed or not",
            example = "[\"account.reported\", \"freeze.requested\"]")
        List<@NotBlank String> eventTypes,
    @Size(max = 200) @Schema(example = "Phòng chống gian lận - môi trường chính")
        String description) {}
