package org.initlab.train;

import java.util.List;
import org.initlab.nn.Param;

/**
 * Updates parameters in place from the gradients accumulated in {@link Param#grad()}. State
 * (momentum buffers, Adam moments) is allocated once, on the first step, outside any workspace;
 * later steps allocate nothing off-heap. Weight decay is PyTorch's coupled L2: {@code g += wd·w}
 * (this changes the gradient arrays, which the next {@code zeroGrad} clears anyway).
 */
public interface Optimizer {
    void step(List<Param> params);

    /** Steps taken so far. */
    int steps();
}
