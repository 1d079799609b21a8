package nl.govroam.server.codec;

import static nl.govroam.server.codec.CapturedPackets.SECRET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacketEncoderTest {

    @Test
    void accessAcceptIsOctetForOctetTheReplyRadclientAccepted() {
        byte[] request = CapturedPackets.ACCESS_REQUEST;
        byte[] reply = PacketEncoder.encodeResponse(PacketCode.ACCESS_ACCEPT, request[1] & 0xFF,
                ReferenceCrypto.authenticator(request),
                List.of(RadiusAttribute.ofString(AttributeType.REPLY_MESSAGE, "welkom")), SECRET, true);
        assertEquals(HexFormat.of().formatHex(CapturedPackets.ACCESS_ACCEPT), HexFormat.of().formatHex(reply));
    }

    @Test
    void statusServerAcceptIsOctetForOctetTheReplyRadclientAccepted() {
        byte[] request = CapturedPackets.STATUS_SERVER;
        byte[] reply = PacketEncoder.encodeResponse(PacketCode.ACCESS_ACCEPT, request[1] & 0xFF,
                ReferenceCrypto.authenticator(request), List.of(), SECRET, true);
        assertEquals(HexFormat.of().formatHex(CapturedPackets.STATUS_SERVER_ACCEPT), HexFormat.of().formatHex(reply));
    }

    @Test
    void accountingResponseIsOctetForOctetTheReplyRadclientAccepted() {
        byte[] request = CapturedPackets.ACCOUNTING_REQUEST;
        byte[] reply = PacketEncoder.encodeResponse(PacketCode.ACCOUNTING_RESPONSE, request[1] & 0xFF,
                ReferenceCrypto.authenticator(request), List.of(), SECRET, false);
        assertEquals(HexFormat.of().formatHex(CapturedPackets.ACCOUNTING_RESPONSE), HexFormat.of().formatHex(reply));
    }

    @Test
    void messageAuthenticatorIsTheFirstAttributeAndBothAuthenticatorsVerify() {
        byte[] requestAuthenticator = PacketEncoder.randomAuthenticator();
        List<RadiusAttribute> attributes = List.of(
                RadiusAttribute.ofString(AttributeType.REPLY_MESSAGE, "toegang geweigerd"),
                RadiusAttribute.ofInt(AttributeType.SESSION_TIMEOUT, 3600));
        byte[] reply = PacketEncoder.encodeResponse(PacketCode.ACCESS_REJECT, 200, requestAuthenticator, attributes,
                SECRET, true);

        RadiusPacket packet = ((DecodeResult.Decoded) PacketDecoder.decode(reply)).packet();
        assertEquals(PacketCode.ACCESS_REJECT, packet.code());
        assertEquals(200, packet.identifier());
        assertEquals(AttributeType.MESSAGE_AUTHENTICATOR, packet.attributes().get(0).type());
        assertEquals(20 + 18 + 2 + 17 + 6, reply.length);
        assertEquals(attributes, packet.attributes().subList(1, 3));
        assertArrayEquals(ReferenceCrypto.messageAuthenticator(reply, requestAuthenticator, SECRET),
                packet.attributes().get(0).value(), "RFC 3579 3.2: M-A over the reply with the Request Authenticator");
        assertArrayEquals(ReferenceCrypto.responseAuthenticator(reply, requestAuthenticator, SECRET),
                packet.authenticator(), "RFC 2865 3: Response Authenticator over the final octets");
    }

    @Test
    void replyWithoutMessageAuthenticatorHasNone() {
        byte[] requestAuthenticator = PacketEncoder.randomAuthenticator();
        byte[] reply = PacketEncoder.encodeResponse(PacketCode.ACCOUNTING_RESPONSE, 1, requestAuthenticator,
                List.of(), SECRET, false);
        assertEquals(20, reply.length);
        assertArrayEquals(ReferenceCrypto.responseAuthenticator(reply, requestAuthenticator, SECRET),
                ReferenceCrypto.authenticator(reply));
    }

    @Test
    void responseAuthenticatorDependsOnTheSecret() {
        byte[] requestAuthenticator = new byte[16];
        byte[] a = PacketEncoder.encodeResponse(PacketCode.ACCESS_ACCEPT, 1, requestAuthenticator, List.of(), SECRET, true);
        byte[] b = PacketEncoder.encodeResponse(PacketCode.ACCESS_ACCEPT, 1, requestAuthenticator, List.of(),
                "other".getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void callerMayNotSupplyAMessageAuthenticator() {
        List<RadiusAttribute> attributes = List.of(new RadiusAttribute(AttributeType.MESSAGE_AUTHENTICATOR, new byte[16]));
        assertThrows(IllegalArgumentException.class, () -> PacketEncoder.encodeResponse(PacketCode.ACCESS_ACCEPT, 1,
                new byte[16], attributes, SECRET, true));
    }

    @Test
    void replyOverFourKilobytesIsRefused() {
        List<RadiusAttribute> attributes = java.util.Collections.nCopies(17,
                new RadiusAttribute(AttributeType.CLASS, new byte[RadiusAttribute.MAX_VALUE_LENGTH]));
        assertThrows(IllegalArgumentException.class, () -> PacketEncoder.encodeResponse(PacketCode.ACCESS_ACCEPT, 1,
                new byte[16], attributes, SECRET, true));
    }

    @Test
    void randomAuthenticatorsAreSixteenOctetsAndDiffer() {
        byte[] a = PacketEncoder.randomAuthenticator();
        assertEquals(16, a.length);
        assertNotEquals(HexFormat.of().formatHex(a), HexFormat.of().formatHex(PacketEncoder.randomAuthenticator()));
    }
}
