package io.ddbc.samples.tour;

/**
 * One sample's promise and whether the run kept it.
 *
 * @param sample the sample's name
 * @param kept whether the promise held
 * @param detail what was measured
 */
record Verdict(String sample, boolean kept, String detail) {
    @Override
    public String toString() {
        return (kept ? "OK    " : "BROKEN") + " " + sample + ": " + detail;
    }
}
