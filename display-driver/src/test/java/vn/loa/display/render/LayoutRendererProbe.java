package vn.loa.display.render;

import java.time.Instant;
import java.util.List;

/** Opens the layout renderer's date lines to tests of other packages. */
public final class LayoutRendererProbe {

    public List<String> dateLines(Instant at) {
        return new LayoutRenderer().dateLines(at.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
    }
}
