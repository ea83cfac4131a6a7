package vn.loa.server.alert;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.valid.IsValidOp;
import vn.loa.server.refusal.Refusal;

/**
 * A CAP {@code <polygon>} or {@code <circle>} as a JTS geometry in WGS 84 (x = longitude, y = latitude): what it
 * covers. A circle tests points by great-circle distance and meets zone boundaries as a 72-sided polygon drawn on the
 * sphere (ADR 0045).
 */
public final class CapShape {

    /** Which CAP element a shape came from, as the reach report names it. */
    public enum Kind { POLYGON, CIRCLE }

    static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);
    private static final double EARTH_KM = 6371.0088;
    private static final int CIRCLE_SIDES = 72;
    private static final int MAX_POINTS = 10_000;

    private final Kind kind;
    private final Geometry geometry;
    private final PreparedGeometry prepared;
    private final Coordinate centre;
    private final double radiusKm;

    private CapShape(Kind kind, Geometry geometry, Coordinate centre, double radiusKm) {
        this.kind = kind;
        this.geometry = geometry;
        this.prepared = PreparedGeometryFactory.prepare(geometry);
        this.centre = centre;
        this.radiusKm = radiusKm;
    }

    public Kind kind() {
        return kind;
    }

    public Geometry geometry() {
        return geometry;
    }

    /** A CAP polygon: at least four "lat,lon" pairs separated by spaces, the first and last the same. */
    public static CapShape polygon(String text) {
        String[] pairs = text.strip().split("\\s+");
        if (pairs.length < 4 || pairs.length > MAX_POINTS) {
            throw bad("<polygon> cần từ 4 đến " + MAX_POINTS + " cặp 'vĩ độ,kinh độ' (cặp đầu và cuối trùng nhau): '"
                    + shorten(text) + "'.");
        }
        Coordinate[] ring = new Coordinate[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            ring[i] = latLon(pairs[i], "<polygon>");
        }
        if (!ring[0].equals2D(ring[ring.length - 1])) {
            throw bad("<polygon> phải khép kín: cặp cuối '" + pairs[pairs.length - 1] + "' phải trùng cặp đầu '"
                    + pairs[0] + "'.");
        }
        Polygon polygon = GEOMETRY.createPolygon(ring);
        IsValidOp valid = new IsValidOp(polygon);
        if (!valid.isValid()) {
            throw bad("<polygon> không hợp lệ (" + valid.getValidationError().getMessage() + " tại "
                    + valid.getValidationError().getCoordinate() + ").");
        }
        return new CapShape(Kind.POLYGON, polygon, null, 0);
    }

    /** A CAP circle: "lat,lon radius" with the radius in kilometres (0 means the point itself). */
    public static CapShape circle(String text) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length != 2) {
            throw bad("<circle> phải có dạng 'vĩ độ,kinh độ bán_kính_km': '" + shorten(text) + "'.");
        }
        Coordinate centre = latLon(parts[0], "<circle>");
        double radius;
        try {
            radius = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            radius = Double.NaN;
        }
        if (!(radius >= 0 && radius <= 2000)) {
            throw bad("Bán kính của <circle> phải là số ki-lô-mét từ 0 đến 2000: '" + parts[1] + "'.");
        }
        return new CapShape(Kind.CIRCLE, ring(centre, radius), centre, radius);
    }

    /** Whether the point (degrees) lies inside or on the shape. */
    public boolean covers(double lat, double lon) {
        if (kind == Kind.CIRCLE) {
            return distanceKm(centre.y, centre.x, lat, lon) <= radiusKm + 1e-9;
        }
        return prepared.covers(GEOMETRY.createPoint(new Coordinate(lon, lat)));
    }

    /** Whether the shape and a zone's boundary share any point. */
    public boolean meets(Geometry boundary) {
        return prepared.intersects(boundary);
    }

    /** The great-circle distance between two points in kilometres (haversine). */
    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double p1 = Math.toRadians(lat1);
        double p2 = Math.toRadians(lat2);
        double dp = p2 - p1;
        double dl = Math.toRadians(lon2 - lon1);
        double a = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
        return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    /** The circle as a polygon whose corners lie exactly radius km from the centre. */
    private static Geometry ring(Coordinate centre, double radiusKm) {
        if (radiusKm == 0) {
            return GEOMETRY.createPoint(centre);
        }
        double lat = Math.toRadians(centre.y);
        double lon = Math.toRadians(centre.x);
        double d = radiusKm / EARTH_KM;
        List<Coordinate> corners = new ArrayList<>();
        for (int i = 0; i < CIRCLE_SIDES; i++) {
            double bearing = 2 * Math.PI * i / CIRCLE_SIDES;
            double lat2 = Math.asin(Math.sin(lat) * Math.cos(d) + Math.cos(lat) * Math.sin(d) * Math.cos(bearing));
            double lon2 = lon + Math.atan2(Math.sin(bearing) * Math.sin(d) * Math.cos(lat),
                    Math.cos(d) - Math.sin(lat) * Math.sin(lat2));
            corners.add(new Coordinate(Math.toDegrees(lon2), Math.toDegrees(lat2)));
        }
        corners.add(new Coordinate(corners.get(0)));
        return GEOMETRY.createPolygon(corners.toArray(Coordinate[]::new));
    }

    /** One CAP "lat,lon" pair as a JTS coordinate (x = lon, y = lat). */
    private static Coordinate latLon(String pair, String element) {
        String[] parts = pair.split(",", -1);
        double lat = Double.NaN;
        double lon = Double.NaN;
        if (parts.length == 2) {
            try {
                lat = Double.parseDouble(parts[0]);
                lon = Double.parseDouble(parts[1]);
            } catch (NumberFormatException e) {
                lat = Double.NaN;
            }
        }
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            throw bad(element + ": '" + shorten(pair) + "' không phải cặp 'vĩ độ,kinh độ' (vĩ độ -90..90, kinh độ "
                    + "-180..180; CAP ghi vĩ độ trước).");
        }
        return new Coordinate(lon, lat);
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static Refusal bad(String message) {
        return new Refusal(Refusal.Kind.UNUSABLE, "invalid_area_shape", message);
    }
}
