package dev.erasmo.portfolio;

/**
 * How a sell relieves the cost of the lots it closes. A per-portfolio setting.
 */
public enum CostMethod {
    /**
     * First in, first out: a sell closes the oldest lots first; each lot keeps its own
     * acquisition time and cost. The default.
     */
    FIFO,
    /**
     * Average cost: every buy merges into one pooled lot per instrument (quantities and costs
     * added, acquisition time of the oldest open unit), so a sell relieves the average cost.
     */
    AVERAGE
}
