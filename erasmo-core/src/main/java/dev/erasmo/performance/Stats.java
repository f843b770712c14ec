package dev.erasmo.performance;

import java.util.Arrays;

/**
 * The few statistical formulas the package needs, written to follow R's own steps where that
 * matters for agreeing with PerformanceAnalytics: a mean with R's second pass, two-pass
 * variances, quantile type 7 and AS 241 for the normal quantile.
 */
final class Stats {

    private Stats() {
    }

    /** Whether all values are equal (then the variance is exactly 0, not rounding noise). */
    static boolean allEqual(double[] x) {
        for (int i = 1; i < x.length; i++) {
            if (x[i] != x[0]) {
                return false;
            }
        }
        return true;
    }

    /** The mean, with the correcting second pass of R's {@code mean.default}; NaN if empty. */
    static double mean(double[] x) {
        int n = x.length;
        if (n == 0) {
            return Double.NaN;
        }
        if (allEqual(x)) {
            return x[0];
        }
        double s = 0;
        for (double v : x) {
            s += v;
        }
        double m = s / n;
        if (Double.isFinite(m)) {
            double t = 0;
            for (double v : x) {
                t += v - m;
            }
            m += t / n;
        }
        return m;
    }

    /** The sum of squared deviations from the mean. */
    private static double sumOfSquares(double[] x) {
        if (allEqual(x)) {
            return 0;
        }
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            double d = v - m;
            s += d * d;
        }
        return s;
    }

    /** The sample variance (n - 1); NaN below two values. */
    static double sampleVariance(double[] x) {
        return x.length < 2 ? Double.NaN : sumOfSquares(x) / (x.length - 1);
    }

    /** The population variance (n); NaN if empty. */
    static double populationVariance(double[] x) {
        return x.length == 0 ? Double.NaN : sumOfSquares(x) / x.length;
    }

    /** The sample covariance (n - 1) of two series of one length; NaN below two values. */
    static double sampleCovariance(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return Double.NaN;
        }
        if (allEqual(x) || allEqual(y)) {
            return 0;
        }
        double mx = mean(x);
        double my = mean(y);
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += (x[i] - mx) * (y[i] - my);
        }
        return s / (n - 1);
    }

    /** {@code prod(1 + x) - 1}. */
    static double compounded(double[] x) {
        double w = 1;
        for (double v : x) {
            w *= 1 + v;
        }
        return w - 1;
    }

    /** {@code prod(1 + x)^(periodsPerYear / n) - 1}; NaN if empty or a factor is negative. */
    static double annualized(double[] x, int periodsPerYear) {
        if (x.length == 0) {
            return Double.NaN;
        }
        double w = 1;
        for (double v : x) {
            if (1 + v < 0) {
                return Double.NaN;
            }
            w *= 1 + v;
        }
        return Math.pow(w, (double) periodsPerYear / x.length) - 1;
    }

    /**
     * R's {@code quantile(x, p, type = 7)}: with the values sorted and numbered from 1, {@code h =
     * 1 + (n - 1) p}, interpolated linearly between the values at {@code floor(h)} and {@code
     * ceil(h)} (not interpolated when those are equal). NaN if empty.
     */
    static double quantileType7(double[] x, double p) {
        int n = x.length;
        if (n == 0) {
            return Double.NaN;
        }
        double[] s = x.clone();
        Arrays.sort(s);
        double index = 1 + (n - 1) * p;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double q = s[lo - 1];
        if (index > lo && s[hi - 1] != q) {
            double h = index - lo;
            q = (1 - h) * q + h * s[hi - 1];
        }
        return q;
    }

    private static final double[] A = {3.3871328727963666080e0, 1.3314166789178437745e+2, 1.9715909503065514427e+3,
        1.3731693765509461125e+4, 4.5921953931549871457e+4, 6.7265770927008700853e+4, 3.3430575583588128105e+4,
        2.5090809287301226727e+3};
    private static final double[] B = {1.0, 4.2313330701600911252e+1, 6.8718700749205790830e+2, 5.3941960214247511077e+3,
        2.1213794301586595867e+4, 3.9307895800092710610e+4, 2.8729085735721942674e+4, 5.2264952788528545610e+3};
    private static final double[] C = {1.42343711074968357734e0, 4.63033784615654529590e0, 5.76949722146069140550e0,
        3.64784832476320460504e0, 1.27045825245236838258e0, 2.41780725177450611770e-1, 2.27238449892691845833e-2,
        7.74545014278341407640e-4};
    private static final double[] D = {1.0, 2.05319162663775882187e0, 1.67638483018380384940e0, 6.89767334985100004550e-1,
        1.48103976427480074590e-1, 1.51986665636164571966e-2, 5.47593808499534494600e-4, 1.05075007164441684324e-9};
    private static final double[] E = {6.65790464350110377720e0, 5.46378491116411436990e0, 1.78482653991729133580e0,
        2.96560571828504891230e-1, 2.65321895265761230930e-2, 1.24266094738807843860e-3, 2.71155556874348757815e-5,
        2.01033439929228813265e-7};
    private static final double[] F = {1.0, 5.99832206555887937690e-1, 1.36929880922735805310e-1, 1.48753612908506148525e-2,
        7.86869131145613259100e-4, 1.84631831751005468180e-5, 1.42151175831644588870e-7, 2.04426310338993978564e-15};

    /**
     * The standard normal quantile (inverse distribution function) at p in (0, 1), by Wichura's
     * algorithm AS 241 (Applied Statistics 37, 1988), the one R's {@code qnorm} uses: about 16
     * significant digits.
     */
    static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("probability " + p + " must be between 0 and 1");
        }
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * horner(A, r) / horner(B, r);
        }
        double r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
        double value = r <= 5 ? horner(C, r - 1.6) / horner(D, r - 1.6) : horner(E, r - 5) / horner(F, r - 5);
        return q < 0 ? -value : value;
    }

    private static double horner(double[] c, double x) {
        double v = c[c.length - 1];
        for (int i = c.length - 2; i >= 0; i--) {
            v = v * x + c[i];
        }
        return v;
    }
}
