package io.ddbc.bench;

/** One side-by-side measurement: runs, prints its ratios and details to the report. */
interface Experiment {
    /** The name used to select it on the command line. */
    String name();

    void run(Mode mode, Report report) throws Exception;
}
