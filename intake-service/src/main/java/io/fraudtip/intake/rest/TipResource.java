package io.fraudtip.intake.rest;

import io.fraudtip.commons.problem.Problem;
import io.fraudtip.commons.problem.ProblemMessages;
import io.fraudtip.intake.service.IdempotencyKeys;
import io.fraudtip.intake.service.TipService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tip submission and tracking: open to anonymous callers, rate-limited. */
@Path("/api/v1/tips")
@Tag(name = "Tips", description = "Report online fraud (tố giác lừa đảo) and follow the report")
@Produces(MediaType.APPLICATION_JSON)
public class TipResource {
  /** A real-looking tip in Vietnamese, the example of the API documentation. */
  public static final String EXAMPLE_TIP =
      """
      {
        "channel": "MOBILE_APP",
        "reporter": {"name": "Nguyễn Thị Hoa", "phone": "0912 345 678",
                     "email": "hoa.nguyen@example.vn", "nationalId": "066190001234"},
        "location": {"provinceCode": "66", "communeCode": "24133"},
        "occurredAt": "2026-11-20T09:30:00+07:00",
        "scamType": "IMPERSONATION_AUTHORITY",
        "description": "Sáng 20/11 tôi nhận cuộc gọi từ số 0869 123 456, người gọi tự xưng là cán bộ Công an tỉnh Đắk Lắk, nói tôi liên quan đến một vụ rửa tiền và yêu cầu chuyển toàn bộ tiền tiết kiệm vào tài khoản tạm giữ để xác minh. Họ gửi đường link qua Zalo để cài ứng dụng Dịch vụ công giả mạo. Tôi đã chuyển 45.000.000 đồng.",
        "amountLostVnd": 45000000,
        "transfers": [{"bank": "Vietcombank", "accountNumber": "0011 0023.4567",
                       "accountName": "NGUYEN VAN B", "amountVnd": 45000000,
                       "at": "2026-11-20T10:05:00+07:00"}],
        "scammer": {
          "phones": ["0869 123 456", "01688 123 456"],
          "bankAccounts": [{"bank": "970422", "accountNumber": "9999-8888-77", "accountName": "TRAN VAN C"}],
          "urls": ["https://DichVuCong-BoCongAn.com/cai-dat#tai-ve"],
          "socialAccounts": [{"platform": "ZALO", "handle": "0869123456"}],
          "appPackages": ["com.dichvucong.gov"]
        }
      }
      """;

  private final TipService tips;
  private final TipReader reader;

  TipResource(TipService tips, TipReader reader) {
    this.tips = tips;
    this.reader = reader;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Report online fraud",
      description =
          "Takes a tip, checks every input rule, normalises it (phones in E.164, banks as NAPAS"
              + " BINs, URLs with their registrable domain) and answers once it is durable. The"
              + " tip is published on tips.v1 within milliseconds. Anonymous callers are welcome;"
              + " requests are rate-limited per client and per source address.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TipSubmission.class),
              examples =
                  @ExampleObject(
                      name = "fake-police-call",
                      summary = "Giả danh công an (a fake police call), with a transfer",
                      value = EXAMPLE_TIP)))
  @Parameter(
      name = IdempotencyKeys.HEADER,
      in = ParameterIn.HEADER,
      description =
          "Makes a retry safe: a repeat with the same key and body gets the first answer and"
              + " stores nothing new; the same key with another body is refused (422); a repeat"
              + " while the first is still being processed is refused (409). Keys are remembered"
              + " for 24 hours (fraudtip.intake.idempotency.expiry). 1 to 100 visible ASCII"
              + " characters, e.g. a UUID.",
      schema =
          @Schema(
              type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
              maxLength = 100),
      example = "5f0c9a7e-2b8d-4c1e-9a57-0d6f3b2e8c41")
  @Parameter(
      name = HttpHeaders.ACCEPT_LANGUAGE,
      in = ParameterIn.HEADER,
      description = "Language of error messages: vi (Vietnamese) or en (English, the default)",
      example = "vi")
  @APIResponse(
      responseCode = "202",
      description = "The tip is stored and will be published; keep the tracking code",
      headers = {
        @Header(name = "Location", description = "Where to follow the tip"),
        @Header(
            name = "Idempotent-Replayed",
            description = "true when this is the first answer to an earlier request with the key")
      },
      content = @Content(schema = @Schema(implementation = TipReceipt.class)))
  @APIResponse(
      responseCode = "400",
      description =
          "Invalid tip: every bad field is listed with its JSON path, a stable code (such as"
              + " phone.invalid, bank.unknown, account.invalid, url.invalid, url.scheme, url.host,"
              + " url.domain, province.unknown, commune.unknown, commune.province, time.future,"
              + " time.tooOld, reporter.contact, field.unknown, NotNull, NotBlank, Size, Max,"
              + " PositiveOrZero) and a message in the caller's language",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class),
              examples =
                  @ExampleObject(
                      name = "bad-phone-and-bank",
                      value =
                          """
                          {"type": "validation", "title": "Yêu cầu không hợp lệ", "status": 400,
                           "detail": "Yêu cầu có 2 trường không hợp lệ", "instance": "/api/v1/tips",
                           "errors": [
                             {"field": "scammer.phones[0]", "code": "phone.invalid",
                              "message": "Số điện thoại không hợp lệ"},
                             {"field": "transfers[0].bank", "code": "bank.unknown",
                              "message": "Không tìm thấy ngân hàng 'ABC': hãy nhập mã BIN NAPAS, mã hoặc tên ngân hàng"}]}
                          """)))
  @APIResponse(
      responseCode = "409",
      description = "A request with the same Idempotency-Key is still being processed",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "413",
      description = "The body is larger than the limit (quarkus.http.limits.max-body-size)")
  @APIResponse(
      responseCode = "422",
      description = "The Idempotency-Key was already used with another body",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "429",
      description = "Too many requests from this client or address; retry after Retry-After",
      headers = @Header(name = "Retry-After", description = "Seconds to wait"),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response submit(
      String body,
      @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
      @Context HttpHeaders headers,
      @Context UriInfo uri)
      throws IOException {
    Locale locale = locale(headers);
    TipReader.Read read = reader.read(body);
    TipService.Submitted out =
        tips.submit(read.tip(), read.unknownFields(), read.bodyHash(), idempotencyKey, locale);
    Response.ResponseBuilder answer =
        Response.accepted(out.receipt())
            .location(
                uri.getBaseUriBuilder()
                    .path("api/v1/tips")
                    .path(out.receipt().trackingCode())
                    .build());
    if (out.replayed()) {
      answer.header("Idempotent-Replayed", "true");
    }
    return answer.build();
  }

  @GET
  @Path("{trackingCode}")
  @Operation(
      summary = "Follow a tip by its tracking code",
      description =
          "The tip's status (it follows the tip's case) and its public history; never any"
              + " personal data. Case is ignored and look-alike characters (O/0, I/L/1) are"
              + " accepted.")
  @APIResponse(
      responseCode = "200",
      description = "The tip's status and public history",
      content = @Content(schema = @Schema(implementation = TipTracking.class)))
  @APIResponse(
      responseCode = "404",
      description = "No tip has this code",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "429",
      description = "Too many requests from this client or address; retry after Retry-After",
      headers = @Header(name = "Retry-After", description = "Seconds to wait"),
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public TipTracking track(
      @Parameter(
              description = "The tracking code given when the tip was accepted",
              example = "K7QM-4XRT-9P")
          @PathParam("trackingCode")
          String trackingCode) {
    return tips.track(trackingCode);
  }

  private static Locale locale(HttpHeaders headers) {
    try {
      return ProblemMessages.locale(headers.getAcceptableLanguages());
    } catch (RuntimeException e) {
      return ProblemMessages.SUPPORTED.get(0);
    }
  }
}
