/**
 * Training: optimizers (SGD, momentum, Adam), the training loop over MNIST with per-module
 * telemetry, divergence detection, and experiments saved as JSON. Call order of one step:
 * {@code zeroGrad → forward → loss → backward → telemetry → Optimizer.step}.
 */
package org.initlab.train;
