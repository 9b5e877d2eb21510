package io.fraudtip.cases.casefile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes flowing text onto A4 pages with PDFBox: headings, wrapped lines, new pages as needed. The
 * font is Liberation Sans (SIL OFL 1.1, bundled under {@code /fonts/liberation/}), embedded as a
 * subset, so that Vietnamese renders in any reader; a character the font lacks prints as "?"
 * instead of failing the file.
 */
final class PdfText implements AutoCloseable {
  private static final float MARGIN = 50;
  private static final float BODY = 10;
  private static final float LEADING = 1.35f;

  private final PDDocument doc = new PDDocument();
  private final PDType0Font regular;
  private final PDType0Font bold;
  // Both faces are one family with the same characters: one answer per character serves both.
  private final Map<Integer, Boolean> printable = new HashMap<>();
  private PDPageContentStream out;
  private float y;

  PdfText() {
    try {
      regular = font("LiberationSans-Regular.ttf");
      bold = font("LiberationSans-Bold.ttf");
    } catch (IOException e) {
      throw new UncheckedIOException("the case file's font is missing", e);
    }
  }

  private PDType0Font font(String name) throws IOException {
    try (InputStream in = PdfText.class.getResourceAsStream("/fonts/liberation/" + name)) {
      if (in == null) {
        throw new IOException("no font " + name);
      }
      return PDType0Font.load(doc, in);
    }
  }

  /** A title line. */
  void title(String text) {
    line(text, bold, 16);
  }

  /** A section heading, with some room above it. */
  void heading(String text) {
    y -= BODY;
    line(text, bold, 12);
  }

  /** A paragraph, wrapped to the page width. */
  void text(String text) {
    line(text, regular, BODY);
  }

  /** A label and its value (a dash when absent), wrapped. */
  void field(String label, Object value) {
    line(label + ": " + (value == null ? "—" : value), regular, BODY);
  }

  private void line(String text, PDType0Font font, float size) {
    for (String paragraph : clean(text, font).split("\n", -1)) {
      for (String wrapped : wrap(paragraph, font, size)) {
        write(wrapped, font, size);
      }
    }
  }

  private void write(String text, PDType0Font font, float size) {
    try {
      if (out == null || y < MARGIN + size) {
        newPage();
      }
      y -= size * LEADING;
      out.beginText();
      out.setFont(font, size);
      out.newLineAtOffset(MARGIN, y);
      out.showText(text);
      out.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void newPage() throws IOException {
    if (out != null) {
      out.close();
    }
    PDPage page = new PDPage(PDRectangle.A4);
    doc.addPage(page);
    out = new PDPageContentStream(doc, page);
    y = page.getMediaBox().getHeight() - MARGIN;
  }

  private List<String> wrap(String paragraph, PDType0Font font, float size) {
    float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : paragraph.split(" ")) {
      String candidate = line.isEmpty() ? word : line + " " + word;
      if (width(candidate, font, size) <= width) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line.toString());
        line.setLength(0);
      }
      // A word wider than the line (a long URL) is cut where it must be.
      for (int cp : word.codePoints().toArray()) {
        String next = line + Character.toString(cp);
        if (!line.isEmpty() && width(next, font, size) > width) {
          lines.add(line.toString());
          line.setLength(0);
        }
        line.appendCodePoint(cp);
      }
    }
    lines.add(line.toString());
    return lines;
  }

  private static float width(String text, PDType0Font font, float size) {
    try {
      return font.getStringWidth(text) / 1000 * size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text with tabs and other controls as spaces, and characters the font lacks as "?". */
  private String clean(String text, PDType0Font font) {
    StringBuilder b = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              if (cp == '\n') {
                b.append('\n');
              } else if (Character.isISOControl(cp)) {
                b.append(' ');
              } else if (printable.computeIfAbsent(cp, c -> canEncode(font, c))) {
                b.appendCodePoint(cp);
              } else {
                b.append('?');
              }
            });
    return b.toString();
  }

  private static boolean canEncode(PDType0Font font, int cp) {
    try {
      font.encode(Character.toString(cp)); // throws for a character without a glyph
      return true;
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /** The document's bytes. */
  byte[] toBytes() {
    try {
      if (out == null) {
        newPage();
      }
      out.close();
      out = null;
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      doc.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      doc.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
