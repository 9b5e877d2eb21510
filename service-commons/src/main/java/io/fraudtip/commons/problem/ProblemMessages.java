package io.fraudtip.commons.problem;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Messages of problem answers in the caller's language (English or Vietnamese, after {@code
 * Accept-Language}; English when neither is asked for). A message is looked up by its stable code,
 * first in the platform's bundle ({@code io/fraudtip/commons/problem/messages*.properties}), then
 * in the service's own {@code problem-messages*.properties}; {@code {name}} placeholders take the
 * given arguments.
 */
public final class ProblemMessages {
  /** Vietnamese. */
  public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

  /** The languages answers come in; the first is the default. */
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, VIETNAMESE);

  /** The {@code Accept-Language} header as the API documents describe it. */
  public static final String ACCEPT_LANGUAGE_DOC =
      "Language of error messages: vi (Vietnamese) or en (English, the default)";

  private static final String PLATFORM_BUNDLE = "io.fraudtip.commons.problem.messages";
  private static final String SERVICE_BUNDLE = "problem-messages";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_.-]+)}");
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private ProblemMessages() {}

  /**
   * The supported language the caller prefers.
   *
   * @param acceptable the caller's languages, most wanted first (as JAX-RS {@code
   *     HttpHeaders.getAcceptableLanguages()} gives them); may be null
   */
  public static Locale locale(List<Locale> acceptable) {
    if (acceptable != null) {
      for (Locale wanted : acceptable) {
        for (Locale supported : SUPPORTED) {
          if (supported.getLanguage().equalsIgnoreCase(wanted.getLanguage())) {
            return supported;
          }
        }
      }
    }
    return SUPPORTED.get(0);
  }

  /** The supported language an {@code Accept-Language} header value prefers. */
  public static Locale locale(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return SUPPORTED.get(0);
    }
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
      Locale found = Locale.lookup(ranges, SUPPORTED);
      return found == null ? SUPPORTED.get(0) : found;
    } catch (IllegalArgumentException e) {
      return SUPPORTED.get(0);
    }
  }

  /**
   * The message of a code in a language.
   *
   * @param fallback returned when no bundle knows the code
   */
  public static String message(Locale locale, String code, Map<String, ?> args, String fallback) {
    String template = lookup(PLATFORM_BUNDLE, locale, code);
    if (template == null) {
      template = lookup(SERVICE_BUNDLE, locale, code);
    }
    if (template == null) {
      return fallback;
    }
    if (args == null || args.isEmpty()) {
      return template;
    }
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = args.get(m.group(1));
      m.appendReplacement(
          out, Matcher.quoteReplacement(value == null ? m.group() : String.valueOf(value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The message of a code without arguments. */
  public static String message(Locale locale, String code) {
    return message(locale, code, Map.of(), code);
  }

  private static String lookup(String bundle, Locale locale, String code) {
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (loader == null) {
        loader = ProblemMessages.class.getClassLoader();
      }
      ResourceBundle messages = ResourceBundle.getBundle(bundle, locale, loader, NO_FALLBACK);
      return messages.containsKey(code) ? messages.getString(code) : null;
    } catch (MissingResourceException e) {
      return null;
    }
  }
}
