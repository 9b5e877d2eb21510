package io.fraudtip.commons.problem;

import java.util.Map;

/** A value that breaks an input rule; its code names the rule (a stable problem code). */
public class InvalidValue extends RuntimeException {
  private final String code;
  private final Map<String, Object> args;

  public InvalidValue(String code) {
    this(code, Map.of());
  }

  public InvalidValue(String code, Map<String, Object> args) {
    super(code, null, false, false);
    this.code = code;
    this.args = Map.copyOf(args);
  }

  public String code() {
    return code;
  }

  public Map<String, Object> args() {
    return args;
  }
}
