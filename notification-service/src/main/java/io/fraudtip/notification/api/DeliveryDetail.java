package io.fraudtip.notification.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A delivery with every attempt made. */
@Schema(description = "A delivery with its log of attempts")
public record DeliveryDetail(DeliveryView delivery, List<AttemptView> attempts) {}
