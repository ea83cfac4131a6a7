package vn.loa.server.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.loa.server.refusal.Refusal;

class CapShapeTest {

    // A square around Hội An: lat 15.85..15.90, lon 108.30..108.35, written as CAP writes it (lat first).
    private static final String SQUARE = "15.85,108.30 15.85,108.35 15.90,108.35 15.90,108.30 15.85,108.30";

    @Test
    void aPolygonCoversWhatIsInsideItReadingLatitudeFirst() {
        CapShape square = CapShape.polygon(SQUARE);
        assertThat(square.covers(15.87, 108.32)).isTrue();
        assertThat(square.covers(15.85, 108.32)).as("on the edge").isTrue();
        assertThat(square.covers(15.91, 108.32)).isFalse();
        assertThat(square.covers(108.32, 15.87)).as("lon,lat swapped is far away").isFalse();
    }

    @Test
    void aCircleCoversByGreatCircleDistance() {
        CapShape circle = CapShape.circle("21.0285,105.8542 2");
        // 0.017 degrees of latitude is about 1.89 km; 0.019 is about 2.11 km.
        assertThat(circle.covers(21.0285 + 0.017, 105.8542)).isTrue();
        assertThat(circle.covers(21.0285 + 0.019, 105.8542)).isFalse();
        assertThat(CapShape.distanceKm(21.0285, 105.8542, 21.0285 + 0.018, 105.8542)).isBetween(1.99, 2.01);
    }

    @Test
    void aCircleMeetsABoundaryItOverlapsAndNotOneBeyondIt() {
        CapShape circle = CapShape.circle("15.80,108.32 3");
        assertThat(circle.meets(CapShape.polygon(SQUARE).geometry())).as("5.5 km away").isFalse();
        assertThat(CapShape.circle("15.80,108.32 6").meets(CapShape.polygon(SQUARE).geometry())).isTrue();
    }

    @Test
    void malformedShapesAreRefusedWithTheReason() {
        assertRefused(() -> CapShape.polygon("15.85,108.30 15.85,108.35 15.90,108.35 15.90,108.30"), "khép kín");
        assertRefused(() -> CapShape.polygon("15.85,108.30 15.85,108.35 15.85,108.30"), "4");
        assertRefused(() -> CapShape.polygon("95,108.30 15.85,108.35 15.90,108.35 95,108.30"), "vĩ độ");
        assertRefused(() -> CapShape.polygon("0,0 1,1 0,1 1,0 0,0"), "Self-intersection");
        assertRefused(() -> CapShape.circle("15.8,108.3"), "bán_kính");
        assertRefused(() -> CapShape.circle("15.8,108.3 -1"), "Bán kính");
    }

    private static void assertRefused(Runnable parse, String mentions) {
        assertThatThrownBy(parse::run).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.code()).isEqualTo("invalid_area_shape");
            assertThat(r.getMessage()).contains(mentions);
        });
    }
}
