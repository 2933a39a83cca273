package org.initlab.core;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;
import org.initlab.format.Message;
import org.initlab.format.MessageException;
import org.initlab.format.Numbers;

/**
 * The shape of a network: layer sizes from input to output, the hidden activation, the output layer and
 * the loss. The reference is 784-30-10, sigmoid, sigmoid output, quadratic loss.
 */
public record NetworkSpec(int[] sizes, Activation hidden, OutputLayer output, Loss loss) {
    /** Refuse networks whose parameters would not fit comfortably in a laptop's heap. */
    public static final long MAX_PARAMETERS = 50_000_000L;
    /** What the messages call the hidden layers. */
    private static final Message HIDDEN_LAYERS = Message.of("network.hidden", "hidden layers");
    /** Units in one hidden layer; the settings' hidden layers are checked by it. */
    public static final Limit HIDDEN_SIZE = Limit.whole(HIDDEN_LAYERS.english(), 1, 100_000);
    /** Why a softmax output with another loss is refused (the settings refuse it in the same words). */
    public static final Message SOFTMAX_LOSS =
            Message.of("network.softmax", "a softmax output needs the cross-entropy (log-likelihood) loss");
    /** Deep enough for the depth theory (hundreds of layers); the parameter budget still bounds the size. */
    public static final int MAX_HIDDEN_LAYERS = 1000;

    public NetworkSpec {
        sizes = sizes.clone();
        if (sizes.length < 2)
            throw new MessageException(
                    Message.of("network.layers", "a network needs at least an input and an output layer"));
        for (int s : sizes)
            if (s < 1)
                throw new MessageException(Message.of(
                        "network.emptyLayer", "every layer needs at least 1 neuron, got {0}", Integer.toString(s)));
        if (sizes.length - 2 > MAX_HIDDEN_LAYERS) {
            throw new MessageException(Message.of(
                    "network.tooDeep", "{0}: at most {1} {0}", HIDDEN_LAYERS, Integer.toString(MAX_HIDDEN_LAYERS)));
        }
        for (int l = 1; l < sizes.length - 1; l++) HIDDEN_SIZE.require(sizes[l]);
        if (parameterCount(sizes) > MAX_PARAMETERS) throw new MessageException(tooLarge(sizes));
        if (output == OutputLayer.SOFTMAX && loss != Loss.CROSS_ENTROPY) throw new MessageException(SOFTMAX_LOSS);
    }

    /** Why a network is refused for its size: its parameter count, the memory per run, the limit. */
    public static String tooLargeMessage(int[] sizes) {
        return tooLarge(sizes).english();
    }

    private static Message tooLarge(int[] sizes) {
        long p = parameterCount(sizes);
        return Message.of(
                "network.tooLarge",
                "network {0} has {1} parameters (about {2} MB of memory per run); the limit is {3} parameters",
                describe(sizes),
                Numbers.grouped(p),
                Numbers.grouped(megabytesPerRun(p)),
                Numbers.grouped(MAX_PARAMETERS));
    }

    /** Layer sizes from input to output: {@code inputs}, the hidden layers, {@code outputs}. */
    public static int[] layerSizes(int inputs, int[] hidden, int outputs) {
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = inputs;
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = outputs;
        return sizes;
    }

    /** The estimate of a run's memory for its parameters that the messages give: three float copies of each. */
    public static long megabytesPerRun(long parameters) {
        return parameters * 4 * 3 / 1_000_000;
    }

    public static NetworkSpec reference(int inputs, int hidden, int classes) {
        return new NetworkSpec(
                new int[] {inputs, hidden, classes}, Activation.SIGMOID, OutputLayer.SIGMOID, Loss.QUADRATIC);
    }

    public NetworkSpec withLoss(Loss newLoss) {
        return new NetworkSpec(sizes, hidden, newLoss == Loss.QUADRATIC ? OutputLayer.SIGMOID : output, newLoss);
    }

    public int layers() {
        return sizes.length - 1;
    }

    public int inputs() {
        return sizes[0];
    }

    public int outputs() {
        return sizes[sizes.length - 1];
    }

    public int[] sizes() {
        return sizes.clone();
    }

    public int size(int layer) {
        return sizes[layer];
    }

    public static long parameterCount(int[] sizes) {
        long n = 0;
        for (int l = 1; l < sizes.length; l++) n += (long) sizes[l - 1] * sizes[l] + sizes[l];
        return n;
    }

    public static String describe(int[] sizes) {
        return Arrays.stream(sizes).mapToObj(Integer::toString).collect(Collectors.joining("-"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSpec n
                && Arrays.equals(sizes, n.sizes)
                && hidden == n.hidden
                && output == n.output
                && loss == n.loss;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sizes) * 31 + Objects.hash(hidden, output, loss);
    }

    @Override
    public String toString() {
        return describe(sizes) + " " + hidden.id() + "/" + output.id() + " " + loss.id();
    }
}
