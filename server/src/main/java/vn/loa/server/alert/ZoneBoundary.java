package vn.loa.server.alert;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import vn.loa.server.refusal.Refusal;

/**
 * A zone's boundary: a GeoJSON (RFC 7946) Polygon or MultiPolygon, or a Feature holding one, read with Vert.x JSON
 * into a JTS geometry and checked: closed rings of at least four positions, longitude -180..180 and latitude -90..90,
 * at most {@link #MAX_POSITIONS} positions, and a valid shape (no self-crossing ring).
 */
public final class ZoneBoundary {

    /** The most positions a boundary may have; a commune's drawn outline has a few hundred. */
    public static final int MAX_POSITIONS = 20_000;

    private ZoneBoundary() {
    }

    /** The boundary in {@code json}, or a 400 {@code invalid_boundary} saying what is wrong. */
    public static Geometry read(String json) {
        JsonObject object;
        try {
            object = new JsonObject(json);
        } catch (DecodeException | ClassCastException e) {
            throw bad("Ranh giới phải là một đối tượng GeoJSON (Polygon hoặc MultiPolygon).");
        }
        return read(object);
    }

    /** The boundary in a parsed GeoJSON object. */
    public static Geometry read(JsonObject geojson) {
        JsonObject geometry = "Feature".equals(geojson.getValue("type")) ? object(geojson.getValue("geometry"))
                : geojson;
        Object type = geometry.getValue("type");
        JsonArray coordinates = array(geometry.getValue("coordinates"), "coordinates");
        int[] count = {0};
        Geometry shape;
        if ("Polygon".equals(type)) {
            shape = polygon(coordinates, count);
        } else if ("MultiPolygon".equals(type)) {
            List<Polygon> parts = new ArrayList<>();
            for (Object part : coordinates) {
                parts.add(polygon(array(part, "coordinates[]"), count));
            }
            if (parts.isEmpty()) {
                throw bad("MultiPolygon không có đa giác nào.");
            }
            shape = CapShape.GEOMETRY.createMultiPolygon(parts.toArray(Polygon[]::new));
        } else {
            throw bad("Ranh giới phải có \"type\" là \"Polygon\" hoặc \"MultiPolygon\" (không phải " + type + ").");
        }
        IsValidOp valid = new IsValidOp(shape);
        if (!valid.isValid()) {
            throw bad("Ranh giới không hợp lệ: " + valid.getValidationError().getMessage() + " tại kinh độ "
                    + valid.getValidationError().getCoordinate().x + ", vĩ độ "
                    + valid.getValidationError().getCoordinate().y + ".");
        }
        return shape;
    }

    private static Polygon polygon(JsonArray rings, int[] count) {
        if (rings.isEmpty()) {
            throw bad("Đa giác không có vòng nào.");
        }
        LinearRing shell = ring(array(rings.getValue(0), "ring"), count);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(array(rings.getValue(i), "ring"), count);
        }
        return CapShape.GEOMETRY.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonArray positions, int[] count) {
        if (positions.size() < 4) {
            throw bad("Mỗi vòng của đa giác cần ít nhất 4 điểm (điểm cuối trùng điểm đầu).");
        }
        count[0] += positions.size();
        if (count[0] > MAX_POSITIONS) {
            throw bad("Ranh giới quá chi tiết: tối đa " + MAX_POSITIONS + " điểm.");
        }
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < positions.size(); i++) {
            JsonArray position = array(positions.getValue(i), "position");
            if (position.size() < 2 || !(position.getValue(0) instanceof Number lon)
                    || !(position.getValue(1) instanceof Number lat)) {
                throw bad("Mỗi điểm phải là [kinh độ, vĩ độ] (GeoJSON ghi kinh độ trước): " + position.encode());
            }
            double x = lon.doubleValue();
            double y = lat.doubleValue();
            if (!(x >= -180 && x <= 180 && y >= -90 && y <= 90)) {
                throw bad("Điểm " + position.encode() + " nằm ngoài phạm vi: kinh độ -180..180, vĩ độ -90..90 "
                        + "(GeoJSON ghi kinh độ trước).");
            }
            coordinates[i] = new Coordinate(x, y);
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw bad("Vòng của đa giác phải khép kín: điểm cuối phải trùng điểm đầu.");
        }
        return CapShape.GEOMETRY.createLinearRing(coordinates);
    }

    private static JsonObject object(Object value) {
        if (value instanceof JsonObject o) {
            return o;
        }
        throw bad("Feature phải có \"geometry\" là Polygon hoặc MultiPolygon.");
    }

    private static JsonArray array(Object value, String what) {
        if (value instanceof JsonArray a) {
            return a;
        }
        throw bad("GeoJSON sai cấu trúc: \"" + what + "\" phải là một mảng.");
    }

    private static Refusal bad(String message) {
        return Refusal.invalid("invalid_boundary", message, "boundary");
    }
}
