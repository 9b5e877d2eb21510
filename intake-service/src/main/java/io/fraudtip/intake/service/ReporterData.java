package io.fraudtip.intake.service;

/**
 * A reporter's personal data, normalised. Only ever stored sealed ({@link PersonalDataCipher});
 * {@link #toString()} withholds it so that it cannot reach a log by accident.
 *
 * @param name full name, may be null
 * @param phone E.164 phone number, may be null
 * @param email lower-case e-mail, may be null
 * @param nationalId identity card number, may be null
 */
public record ReporterData(String name, String phone, String email, String nationalId) {
  @Override
  public String toString() {
    return "ReporterData[personal data withheld]";
  }
}
