package vn.loa.display.lunar;

import java.time.Instant;

/**
 * The two astronomical quantities the lunar calendar needs, from Jean Meeus, <i>Astronomical Algorithms</i> (2nd ed.,
 * 1998): the instant of a new moon (chapter 49, with its periodic and planetary terms, a few seconds off) and the
 * Sun's apparent longitude (chapter 25, low accuracy, 0.01°), with ΔT (dynamical minus universal time) from the
 * Espenak–Meeus polynomials (NASA, 2006).
 */
final class Astronomy {

    /** Julian day of the Unix epoch, 1970-01-01 00:00 UTC. */
    static final double UNIX_EPOCH_JD = 2440587.5;
    static final double SYNODIC_MONTH = 29.530588861;
    private static final double[][] PLANETARY = {
        // {A0, A per lunation, coefficient} for the fourteen planetary arguments A1..A14 (A1 also has −0.009173 T²)
        {299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
        {349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
        {207.14, 2.453732, 0.000060}, {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
        {207.19, 0.121824, 0.000042}, {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
        {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023}};

    private Astronomy() {
    }

    /** The Julian day (UT) of new moon number {@code k}, counted from the one of 6 January 2000. */
    static double newMoon(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;
        double jde = 2451550.09766 + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        double mp = rad(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
        double f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
        double om = rad(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
        double c = -0.40720 * Math.sin(mp)
                + 0.17241 * e * Math.sin(m)
                + 0.01608 * Math.sin(2 * mp)
                + 0.01039 * Math.sin(2 * f)
                + 0.00739 * e * Math.sin(mp - m)
                - 0.00514 * e * Math.sin(mp + m)
                + 0.00208 * e * e * Math.sin(2 * m)
                - 0.00111 * Math.sin(mp - 2 * f)
                - 0.00057 * Math.sin(mp + 2 * f)
                + 0.00056 * e * Math.sin(2 * mp + m)
                - 0.00042 * Math.sin(3 * mp)
                + 0.00042 * e * Math.sin(m + 2 * f)
                + 0.00038 * e * Math.sin(m - 2 * f)
                - 0.00024 * e * Math.sin(2 * mp - m)
                - 0.00017 * Math.sin(om)
                - 0.00007 * Math.sin(mp + 2 * m)
                + 0.00004 * Math.sin(2 * mp - 2 * f)
                + 0.00004 * Math.sin(3 * m)
                + 0.00003 * Math.sin(mp + m - 2 * f)
                + 0.00003 * Math.sin(2 * mp + 2 * f)
                - 0.00003 * Math.sin(mp + m + 2 * f)
                + 0.00003 * Math.sin(mp - m + 2 * f)
                - 0.00002 * Math.sin(mp - m - 2 * f)
                - 0.00002 * Math.sin(3 * mp + m)
                + 0.00002 * Math.sin(4 * mp);
        for (int i = 0; i < PLANETARY.length; i++) {
            double a = PLANETARY[i][0] + PLANETARY[i][1] * k - (i == 0 ? 0.009173 * t2 : 0);
            c += PLANETARY[i][2] * Math.sin(rad(a));
        }
        double tdt = jde + c;
        return tdt - deltaTSeconds(2000 + k / 12.3685) / 86400;
    }

    /** The Sun's apparent ecliptic longitude, in degrees [0, 360), at Julian day {@code jd} (UT). */
    static double sunLongitude(double jd) {
        double t = (jd - 2451545.0) / 36525;
        double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        double m = rad(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
        double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(m)
                + (0.019993 - 0.000101 * t) * Math.sin(2 * m) + 0.000289 * Math.sin(3 * m);
        double omega = rad(125.04 - 1934.136 * t);
        double apparent = l0 + c - 0.00569 - 0.00478 * Math.sin(omega);
        return ((apparent % 360) + 360) % 360;
    }

    static double julianDay(Instant instant) {
        return UNIX_EPOCH_JD + instant.toEpochMilli() / 86_400_000.0;
    }

    static Instant instant(double jd) {
        return Instant.ofEpochMilli(Math.round((jd - UNIX_EPOCH_JD) * 86_400_000.0));
    }

    /** ΔT in seconds for a decimal year (Espenak–Meeus); it shifts a new moon by about a minute these days. */
    static double deltaTSeconds(double year) {
        if (year >= 2005 && year < 2050) {
            double t = year - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        if (year >= 1986 && year < 2005) {
            double t = year - 2000;
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * Math.pow(t, 3) + 0.000651814 * Math.pow(t, 4)
                    + 0.00002373599 * Math.pow(t, 5);
        }
        if (year >= 1961 && year < 1986) {
            double t = year - 1975;
            return 45.45 + 1.067 * t - t * t / 260 - Math.pow(t, 3) / 718;
        }
        if (year >= 1941 && year < 1961) {
            double t = year - 1950;
            return 29.07 + 0.407 * t - t * t / 233 + Math.pow(t, 3) / 2547;
        }
        if (year >= 1920 && year < 1941) {
            double t = year - 1920;
            return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * Math.pow(t, 3);
        }
        if (year >= 1900 && year < 1920) {
            double t = year - 1900;
            return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * Math.pow(t, 3) - 0.000197 * Math.pow(t, 4);
        }
        double u = (year - 1820) / 100;
        double far = -20 + 32 * u * u;
        return year >= 2050 && year < 2150 ? far - 0.5628 * (2150 - year) : far;
    }

    private static double rad(double degrees) {
        return Math.toRadians(degrees % 360);
    }
}
