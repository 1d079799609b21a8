package nl.govroam.ldap;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.ByteBuffer;
import java.util.List;
import org.apache.directory.api.asn1.DecoderException;
import org.apache.directory.api.asn1.ber.Asn1Decoder;
import org.apache.directory.api.asn1.ber.tlv.TLVStateEnum;
import org.apache.directory.api.ldap.codec.api.LdapApiService;
import org.apache.directory.api.ldap.codec.api.LdapMessageContainer;
import org.apache.directory.api.ldap.model.message.Message;

/**
 * Cuts the inbound bytes into whole LDAPMessage PDUs by their BER length (RFC 4511 section 5.1: definite lengths
 * only) and decodes each with the Apache Directory LDAP API's decoder into a {@link Message}. Framing first means the
 * API's container only ever sees a complete PDU, so it never has to keep a half-read TLV between reads.
 */
final class LdapPduDecoder extends ByteToMessageDecoder {
    /** A bound on one response; an entry bigger than this is not one a RADIUS server needs. */
    static final int MAX_PDU_BYTES = 1 << 20;
    private static final int SEQUENCE_TAG = 0x30;

    private final LdapMessageContainer<Message> container;

    LdapPduDecoder(LdapApiService codec) {
        this.container = new LdapMessageContainer<>(codec);
        container.setDnFactory(ServerDn.FACTORY);
        container.setMaxPDUSize(MAX_PDU_BYTES);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        int length = frameLength(in);
        if (length < 0) {
            return;
        }
        ByteBuffer pdu = in.nioBuffer(in.readerIndex(), length);
        in.skipBytes(length);
        try {
            Asn1Decoder.decode(pdu, container);
            if (container.getState() != TLVStateEnum.PDU_DECODED) {
                throw new CorruptedFrameException("incomplete LDAP PDU of " + length + " bytes");
            }
            out.add(container.getMessage());
        } catch (DecoderException e) {
            throw new CorruptedFrameException("undecodable LDAP PDU: " + e.getMessage(), e);
        } finally {
            container.clean();
        }
    }

    /** The whole PDU's length (tag + length octets + contents), or -1 while not all of it has arrived. */
    private static int frameLength(ByteBuf in) {
        int start = in.readerIndex();
        if (in.readableBytes() < 2) {
            return -1;
        }
        if (in.getUnsignedByte(start) != SEQUENCE_TAG) {
            throw new CorruptedFrameException("not an LDAPMessage: tag " + in.getUnsignedByte(start));
        }
        int first = in.getUnsignedByte(start + 1);
        long contents;
        int header;
        if (first < 0x80) {
            contents = first;
            header = 2;
        } else {
            int octets = first & 0x7f;
            if (octets == 0 || octets > 4) {
                throw new CorruptedFrameException("LDAP forbids indefinite or huge BER lengths (" + octets + ")");
            }
            if (in.readableBytes() < 2 + octets) {
                return -1;
            }
            contents = 0;
            for (int i = 0; i < octets; i++) {
                contents = (contents << 8) | in.getUnsignedByte(start + 2 + i);
            }
            header = 2 + octets;
        }
        if (contents + header > MAX_PDU_BYTES) {
            throw new TooLongFrameException("LDAP PDU of " + (contents + header) + " bytes");
        }
        int total = (int) contents + header;
        return in.readableBytes() < total ? -1 : total;
    }
}
