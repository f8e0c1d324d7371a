package org.initlab.train;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Optimizer state arrays: allocated outside any workspace, so they outlive every step. */
final class State {
    private State() {}

    static INDArray detached(INDArray like) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return like.dup('c');
        }
    }

    static INDArray zerosLike(INDArray like) {
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            return Nd4j.zeros(like.dataType(), like.shape());
        }
    }
}
