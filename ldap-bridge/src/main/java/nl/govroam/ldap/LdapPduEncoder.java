package nl.govroam.ldap;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.directory.api.asn1.EncoderException;
import org.apache.directory.api.asn1.util.Asn1Buffer;
import org.apache.directory.api.ldap.codec.api.LdapApiService;
import org.apache.directory.api.ldap.codec.api.LdapEncoder;
import org.apache.directory.api.ldap.model.message.Message;

/**
 * Encodes requests with the Apache Directory LDAP API's encoder into a {@link ByteBuf}. One per connection (the
 * {@link Asn1Buffer} is reused, so it is used on the connection's event loop only). For a PDU that carries a
 * password every intermediate copy we own is overwritten with zeros.
 */
final class LdapPduEncoder {
    private final LdapApiService codec;
    private final Asn1Buffer buffer = new Asn1Buffer();

    LdapPduEncoder(LdapApiService codec) {
        this.codec = codec;
    }

    ByteBuf encode(ByteBufAllocator allocator, Message message, boolean secret) throws EncoderException {
        buffer.clear();
        ByteBuffer encoded = LdapEncoder.encodeMessage(buffer, codec, message);
        ByteBuf out = allocator.buffer(encoded.remaining());
        try {
            out.writeBytes(encoded.duplicate());
        } finally {
            if (secret) {
                wipe(encoded);
            }
        }
        return out;
    }

    private void wipe(ByteBuffer encoded) {
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        // the API's buffer fills from its end: writing as many zeros overwrites what the encoder left there
        int used = buffer.getPos();
        buffer.setPos(0);
        buffer.put(new byte[used]);
        buffer.clear();
    }
}
