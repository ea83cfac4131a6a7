package vn.loa.server.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import vn.loa.server.refusal.Refusal;

class ZoneBoundaryTest {

    private static final String RING = "[[108.30,15.85],[108.35,15.85],[108.35,15.90],[108.30,15.90],[108.30,15.85]]";

    @Test
    void readsPolygonsMultiPolygonsAndFeaturesLongitudeFirst() {
        Geometry polygon = ZoneBoundary.read("{\"type\":\"Polygon\",\"coordinates\":[" + RING + "]}");
        assertThat(polygon.getEnvelopeInternal().getMinX()).isEqualTo(108.30);
        assertThat(CapShape.polygon("15.87,108.32 15.87,108.33 15.88,108.33 15.87,108.32").meets(polygon)).isTrue();
        Geometry multi = ZoneBoundary.read("{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":"
                + "\"MultiPolygon\",\"coordinates\":[[" + RING + "]]}}");
        assertThat(multi.getNumGeometries()).isEqualTo(1);
    }

    @Test
    void refusesWhatIsNotASaneClosedPolygon() {
        assertRefused("{\"type\":\"Point\",\"coordinates\":[108.3,15.8]}", "Polygon");
        assertRefused("{\"type\":\"Polygon\",\"coordinates\":[[[108.30,15.85],[108.35,15.85],[108.35,15.90],"
                + "[108.30,15.90]]]}", "khép kín");
        assertRefused("{\"type\":\"Polygon\",\"coordinates\":[[[108.30,15.85],[108.35,15.85],[108.30,15.85]]]}",
                "4 điểm");
        assertRefused("{\"type\":\"Polygon\",\"coordinates\":[[[200,15.85],[108.35,15.85],[108.35,15.90],"
                + "[200,15.85]]]}", "ngoài phạm vi");
        assertRefused("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,1],[0,1],[1,0],[0,0]]]}", "Self-intersection");
        assertRefused("{\"type\":\"Polygon\",\"coordinates\":[[[\"a\",1]]]}", "4 điểm");
        assertRefused("[1,2]", "GeoJSON");
        StringBuilder huge = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i <= ZoneBoundary.MAX_POSITIONS; i++) {
            huge.append("[").append(100 + i * 1e-6).append(",10],");
        }
        huge.append("[100,10]]]}");
        assertRefused(huge.toString(), "tối đa");
    }

    private static void assertRefused(String json, String mentions) {
        assertThatThrownBy(() -> ZoneBoundary.read(json)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.code()).isEqualTo("invalid_boundary");
            assertThat(r.getMessage()).contains(mentions);
        });
    }
}
