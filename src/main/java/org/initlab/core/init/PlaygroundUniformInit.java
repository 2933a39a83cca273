package org.initlab.core.init;

/** TensorFlow Playground's fixed uniform range, whatever the layer's size. */
public final class PlaygroundUniformInit extends UniformInit {
    @Override
    public String id() {
        return "uniform";
    }

    @Override
    public String displayName() {
        return "Uniform ±0.5";
    }

    @Override
    public String formula() {
        return "U(±0.5)";
    }

    @Override
    public double limit(int fanIn, int fanOut) {
        return 0.5;
    }
}
