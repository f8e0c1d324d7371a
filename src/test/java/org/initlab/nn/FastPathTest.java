package org.initlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.initlab.stats.TensorStats;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Float tensors take fast paths (activations, pools, the first layer's weight-only backward,
 * statistics); the finite-difference checks run in double, through ND4J's ops and the reference
 * kernels. These tests hold the fast paths, as the layers choose them, equal to the checked ones;
 * {@code ConvKernelTest} and {@code ReluKernelTest} hold each kernel to the reference.
 */
class FastPathTest {
    private static INDArray[] both(INDArray d) {
        return new INDArray[] {d, d.castTo(DataType.FLOAT)};
    }

    private static void assertClose(INDArray expected, INDArray actual, double tol) {
        assertClose(expected, actual, tol, "");
    }

    private static void assertClose(INDArray expected, INDArray actual, double tol, String where) {
        assertArrayEquals(expected.castTo(DataType.DOUBLE).ravel().toDoubleVector(), actual.castTo(DataType.DOUBLE).ravel().toDoubleVector(), tol, where);
    }

    @Test
    void activationsAgreeInFloatAndDouble() {
        INDArray x = Nd4j.randn(DataType.DOUBLE, 4, 3, 5, 5).muli(3), g = Nd4j.randn(DataType.DOUBLE, 4, 3, 5, 5);
        for (java.util.function.Supplier<Relu> make : java.util.List.<java.util.function.Supplier<Relu>>of(
            Relu::relu, () -> Relu.leaky(0.2), () -> Relu.general(0.1, 0.4, 2.0))) {
            Relu d = make.get(), f = make.get();
            INDArray[] xs = both(x), gs = both(g);
            assertClose(d.forward(xs[0]), f.forward(xs[1]), 1e-5);
            assertClose(d.backward(gs[0], true), f.backward(gs[1], true), 1e-5);
        }
    }

    /**
     * ReLU at the edges, as PyTorch 1.13 computes it: 0 at 0 (value and slope), NaN passes through
     * forward and its gradient passes through backward; a leaky slope below 0 and at ±0 (PyTorch's
     * leaky ReLU gives the leak at NaN too; oneDNN's, and so ours, passes the gradient). In float and
     * in double.
     */
    @Test
    void reluMatchesItsDefinitionAtTheEdges() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray x = Nd4j.createFromArray(-2f, -0f, 0f, 3f, Float.NaN).castTo(type), g = Nd4j.createFromArray(1f, 1f, 1f, 1f, 1f).castTo(type);
            Relu plain = Relu.relu(), leaky = Relu.leaky(0.1);
            assertArrayEquals(new float[] {0, 0, 0, 3, Float.NaN}, plain.forward(x).toFloatVector(), 0f, type.toString());
            assertArrayEquals(new float[] {0, 0, 0, 1, 1}, plain.backward(g, true).toFloatVector(), 0f, type.toString());
            assertArrayEquals(new float[] {-0.2f, 0, 0, 3, Float.NaN}, leaky.forward(x).toFloatVector(), 1e-7f, type.toString());
            assertArrayEquals(new float[] {0.1f, 0.1f, 0.1f, 1, 1}, leaky.backward(g, true).toFloatVector(), 1e-7f, type.toString());
            // the smallest and largest floats either side of 0, infinities, a negative NaN
            INDArray edges = Nd4j.createFromArray(Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.intBitsToFloat(0xffc00000)).castTo(type);
            plain.forward(edges);
            assertArrayEquals(new float[] {2, 0, 2, 0, 2, 0, 2}, plain.backward(Nd4j.valueArrayOf(new long[] {7}, 2f).castTo(type), true).toFloatVector(), 0f,
                type.toString());
        }
    }

    @Test
    void globalPoolAgreesInFloatAndDouble() {
        INDArray x = Nd4j.randn(DataType.DOUBLE, 3, 4, 5, 6), g = Nd4j.randn(DataType.DOUBLE, 3, 4, 1, 1);
        GlobalAvgPool d = new GlobalAvgPool(), f = new GlobalAvgPool();
        assertClose(d.forward(x), f.forward(x.castTo(DataType.FLOAT)), 1e-5);
        assertClose(d.backward(g, true), f.backward(g.castTo(DataType.FLOAT), true), 1e-6);
    }

    /** Odd and even kernels, strides 1–3, padding, rows and columns no window reaches, 16 input channels; patches kept and remade. */
    @Test
    void firstLayerWeightGradientMatchesFullBackward() {
        // in, out, kernel, stride, padding, image size
        for (int[] cfg : new int[][] {{1, 8, 5, 2, 2, 11}, {3, 4, 3, 1, 1, 11}, {2, 5, 3, 2, 0, 11}, {1, 2, 3, 3, 0, 11},
                                      {2, 3, 4, 2, 1, 9}, {1, 3, 5, 3, 2, 13}, {16, 4, 5, 1, 2, 32}}) {
            Conv2d full = new Conv2d(cfg[0], cfg[1], cfg[2], cfg[3], cfg[4], true, DataType.FLOAT);
            Conv2d first = new Conv2d(cfg[0], cfg[1], cfg[2], cfg[3], cfg[4], true, DataType.FLOAT);
            INDArray w = Nd4j.randn(DataType.FLOAT, full.params().get(0).value().shape());
            full.params().get(0).value().assign(w);
            first.params().get(0).value().assign(w);
            INDArray x = Nd4j.randn(DataType.FLOAT, 6, cfg[0], cfg[5], cfg[5]);
            // new images, the same images again (patches kept), the same array with other values (patches remade)
            for (String images : new String[] {"new", "same", "changed in place"}) {
                if (images.startsWith("changed")) x.assign(Nd4j.randn(DataType.FLOAT, x.shape()));
                INDArray out = full.forward(x);
                first.forward(x);
                INDArray g = Nd4j.randn(DataType.FLOAT, out.shape());
                for (Conv2d l : new Conv2d[] {full, first}) for (var p : l.params()) Floats.zero(p.grad());
                full.backward(g, true);
                first.backward(g, false);
                // each gradient is a float sum over N·oh·ow products, in another order: 2e-4 up to a thousand, more beyond
                double tol = 2e-4 * Math.max(1, out.size(0) * out.size(2) * out.size(3) / 1000.0);
                for (int p = 0; p < 2; p++)
                    assertClose(full.params().get(p).grad(), first.params().get(p).grad(), tol, java.util.Arrays.toString(cfg) + " " + images + " images, param " + p);
            }
        }
    }

    /**
     * The oneDNN primitives made once (the default for float) against ND4J's conv2d ops, in float and
     * in double (the path the finite-difference checks cover): forward and all three gradients, with
     * and without bias, for odd sizes, strides 1–3, a batch that changes (new primitives), a second
     * batch through the same primitives, an input that is a view, and after {@link Layer#release}.
     */
    @Test
    void oneDnnConvolutionMatchesNd4jOps() {
        org.junit.jupiter.api.Assumptions.assumeTrue(OneDnn.available(), "oneDNN's natives did not load here");
        // in, out, kernel, stride, padding, image size, bias (1) or not
        for (int[] cfg : new int[][] {{8, 16, 3, 2, 1, 14, 1}, {3, 5, 3, 1, 1, 11, 0}, {16, 1, 3, 2, 1, 7, 1}, {2, 3, 4, 3, 0, 13, 1}, {1, 8, 5, 2, 2, 28, 1}}) {
            Conv2d direct = new Conv2d(cfg[0], cfg[1], cfg[2], cfg[3], cfg[4], cfg[6] == 1, DataType.FLOAT);
            Conv2d nd4j = new Conv2d(cfg[0], cfg[1], cfg[2], cfg[3], cfg[4], cfg[6] == 1, DataType.FLOAT);
            Conv2d checked = new Conv2d(cfg[0], cfg[1], cfg[2], cfg[3], cfg[4], cfg[6] == 1, DataType.DOUBLE); // the finite-difference-checked path
            for (int p = 0; p < direct.params().size(); p++) {
                INDArray v = Nd4j.randn(DataType.FLOAT, direct.params().get(p).value().shape());
                for (Conv2d l : new Conv2d[] {direct, nd4j, checked}) l.params().get(p).value().assign(v);
            }
            int[] batches = {5, 5, 2, 2};
            for (int k = 0; k < batches.length; k++) {
                int batch = batches[k];
                if (k == 3) direct.release(); // primitives made anew after being freed
                INDArray wide = Nd4j.randn(DataType.FLOAT, batch + 1, cfg[0], cfg[5], cfg[5]);
                INDArray x = batch == 2 ? wide.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(1, 3)) : wide.dup(); // a view from offset 1 image
                String where = java.util.Arrays.toString(cfg) + " batch " + batch;
                INDArray yd = direct.forward(x).dup(), yn = throughNd4j(() -> nd4j.forward(x)), yc = checked.forward(x.castTo(DataType.DOUBLE));
                assertClose(yn, yd, 1e-4, where + " output");
                assertClose(yc, yd, 1e-4, where + " output against double");
                INDArray g = Nd4j.randn(DataType.FLOAT, yd.shape());
                for (Conv2d l : new Conv2d[] {direct, nd4j, checked}) l.params().forEach(p -> p.grad().assign(0));
                INDArray dxd = direct.backward(g, true).dup(), dxn = throughNd4j(() -> nd4j.backward(g, true)), dxc = checked.backward(g.castTo(DataType.DOUBLE), true);
                assertClose(dxn, dxd, 1e-4, where + " input gradient");
                assertClose(dxc, dxd, 1e-4, where + " input gradient against double");
                for (int p = 0; p < direct.params().size(); p++) {
                    assertClose(nd4j.params().get(p).grad(), direct.params().get(p).grad(), 1e-3, where + " param " + p);
                    assertClose(checked.params().get(p).grad(), direct.params().get(p).grad(), 1e-3, where + " param " + p + " against double");
                }
            }
        }
    }

    /** A copy of what {@code pass} returns with oneDNN switched off. */
    private static INDArray throughNd4j(java.util.function.Supplier<INDArray> pass) {
        OneDnn.use(false);
        try {
            return pass.get().dup();
        } finally {
            OneDnn.use(true);
        }
    }

    @Test
    void statisticsAgreeWithNd4jAndByHand() {
        INDArray x = Nd4j.randn(DataType.FLOAT, 50, 7, 9).muli(0.2).addi(0.01);
        TensorStats s = TensorStats.of(x);
        assertEquals(x.meanNumber().doubleValue(), s.mean(), 1e-6);
        assertEquals(x.stdNumber().doubleValue(), s.std(), 1e-5); // ND4J's std is the unbiased one too
        assertEquals(x.minNumber().doubleValue(), s.min(), 0);
        assertEquals(x.maxNumber().doubleValue(), s.max(), 0);
        double near = 0;
        for (float v : x.data().asFloat()) near += Math.abs(v) <= 0.05 ? 1 : 0;
        assertEquals(near / x.length(), s.nearZero(), 1e-12);
        TensorStats d = TensorStats.of(x.castTo(DataType.DOUBLE));
        assertEquals(d.std(), s.std(), 1e-6);
        assertEquals(d.mean(), s.mean(), 1e-7);
        assertEquals(d.nearZero(), s.nearZero(), 0);
        assertEquals(2.0, TensorStats.of(new double[] {1, 2, 3}).mean());
        assertEquals(1.0, TensorStats.of(new double[] {1, 2, 3}).std(), 1e-12);
        TensorStats nan = TensorStats.of(Nd4j.createFromArray(1f, Float.NaN, 2f, 4f, 0f));
        assertEquals(true, nan.nonFinite());
        assertEquals(Double.NaN, nan.min());
        assertEquals(Double.NaN, nan.max());
        TensorStats inf = TensorStats.of(Nd4j.createFromArray(1f, Float.POSITIVE_INFINITY, -3f, 2f, 5f, -7f));
        assertEquals(true, inf.nonFinite());
        assertEquals(-7.0, inf.min());
        assertEquals(Double.POSITIVE_INFINITY, inf.max());
    }

    /** Bulk reads in row-major order: straight from memory when only size-1 dimensions have odd strides, via a copy otherwise. */
    @Test
    void readsGiveRowMajorOrderWhateverTheStrides() {
        var data = Nd4j.createFromArray(0f, 1f, 2f, 3f, 4f, 5f).data();
        INDArray odd = Nd4j.create(data, new long[] {3, 1, 2}, new long[] {2, 99, 1}, 0, 'c', DataType.FLOAT);
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, Floats.read(odd, null), 0f);
        INDArray transposed = Nd4j.createFromArray(new float[][] {{0, 1}, {2, 3}, {4, 5}}).transpose();
        assertArrayEquals(new float[] {0, 2, 4, 1, 3, 5}, Floats.read(transposed, null), 0f);
        INDArray offset = Nd4j.createFromArray(new float[][] {{0, 1}, {2, 3}, {4, 5}}).getRow(2, true);
        assertArrayEquals(new float[] {4, 5}, Floats.read(offset, null), 0f);
    }

    /** Cross-entropy's float loop against its ND4J path in double (which the gradient check covers), and a bad label named. */
    @Test
    void crossEntropysFloatPathEqualsTheDoublePath() {
        INDArray logits = Nd4j.randn(DataType.FLOAT, 7, 5).muli(3);
        INDArray labels = Nd4j.createFromArray(0f, 4f, 2f, 2f, 1f, 3f, 0f);
        INDArray ld = logits.castTo(DataType.DOUBLE), yd = labels.castTo(DataType.DOUBLE);
        assertEquals(Loss.CROSS_ENTROPY.value(ld, yd), Loss.CROSS_ENTROPY.value(logits, labels), 1e-6);
        assertArrayEquals(Loss.CROSS_ENTROPY.grad(ld, yd).reshape(35).toDoubleVector(), Loss.CROSS_ENTROPY.grad(logits, labels).castTo(DataType.DOUBLE).reshape(35).toDoubleVector(), 1e-7);
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> Loss.CROSS_ENTROPY.value(logits, Nd4j.createFromArray(0f, 5f, 0f, 0f, 0f, 0f, 0f)));
        assertEquals("cross-entropy needs class indices 0..4 as labels, got 5.0 at row 1", e.getMessage());
    }
}
