package vn.loa.display.render;

import java.text.Normalizer;

/** A notice as a board shows it: a title and a body, Unicode NFC (decomposed tone marks would be drawn apart). */
public record TextSlide(String title, String body) {

    public TextSlide {
        title = title == null ? "" : Normalizer.normalize(title.strip(), Normalizer.Form.NFC);
        body = body == null ? "" : Normalizer.normalize(body.strip(), Normalizer.Form.NFC);
    }
}
