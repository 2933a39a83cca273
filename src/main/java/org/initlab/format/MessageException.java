package org.initlab.format;

/**
 * A refused argument that carries its message as data: {@link #getMessage()} is the English the command line
 * prints, {@link #wording()} what the window translates.
 */
public class MessageException extends IllegalArgumentException implements Message.Carrier {
    private static final long serialVersionUID = 1L;
    private final transient Message wording;

    public MessageException(Message wording) {
        super(wording.english());
        this.wording = wording;
    }

    @Override
    public Message wording() {
        return wording;
    }
}
