package org.initlab.engine;

import org.initlab.stats.TensorStats;

/**
 * Statistics of one module in one step: its output, dL/d(output), and (for modules with weights)
 * the weight and its gradient, else null. {@code shape} includes the batch dimension.
 */
public record ModuleStats(int index, String type, long[] shape, TensorStats act, TensorStats grad, TensorStats weight, TensorStats weightGrad) {}
