package io.fraudtip.cases.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.localstack.security.Tokens;
import io.fraudtip.testsupport.InjectTokens;
import io.fraudtip.testsupport.PlatformTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The shared verified-token cache sits in front of the bearer-token check of this service. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class VerifiedTokenCacheTest {
  @InjectTokens Tokens tokens;
  @Inject JWTParser parser;

  @Test
  void aTokenVerifiedOnceIsReused() throws Exception {
    String token = tokens.bank("970436");

    assertThat(parser.parse(token)).isSameAs(parser.parse(token));
  }

  @Test
  void aForgedOrExpiredTokenIsStillRefusedOnceAGoodOneIsKept() {
    String good = tokens.police("PA05-66");
    given().auth().oauth2(good).get("/api/v1/cases").then().statusCode(200);

    given().auth().oauth2(Tokens.forged()).get("/api/v1/cases").then().statusCode(401);
    given().auth().oauth2(tokens.expiredOperator()).get("/api/v1/cases").then().statusCode(401);
    given().auth().oauth2(good).get("/api/v1/cases").then().statusCode(200);
  }
}
