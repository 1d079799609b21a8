package nl.govroam.server.codec;

import static nl.govroam.server.codec.CapturedPackets.SECRET;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticatorsTest {
    private static final byte[] OTHER_SECRET = "not-the-secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AUTHENTICATOR = CapturedPackets.hex("0f1e2d3c4b5a69788796a5b4c3d2e1f0");

    @Test
    void capturedRadclientAccessRequestHasAValidMessageAuthenticator() {
        assertEquals(MessageAuthenticatorCheck.VALID, Authenticators.checkRequest(CapturedPackets.ACCESS_REQUEST, SECRET));
        assertEquals(MessageAuthenticatorCheck.INVALID,
                Authenticators.checkRequest(CapturedPackets.ACCESS_REQUEST, OTHER_SECRET));
    }

    @Test
    void capturedMessageAuthenticatorMatchesTheRfcFormula() {
        byte[] wire = CapturedPackets.ACCESS_REQUEST;
        int offset = ReferenceCrypto.valueOffset(wire, AttributeType.MESSAGE_AUTHENTICATOR);
        assertArrayEquals(Arrays.copyOfRange(wire, offset, offset + 16),
                ReferenceCrypto.messageAuthenticator(wire, ReferenceCrypto.authenticator(wire), SECRET));
    }

    @Test
    void capturedStatusServerHasAValidMessageAuthenticator() {
        assertEquals(MessageAuthenticatorCheck.VALID, Authenticators.checkRequest(CapturedPackets.STATUS_SERVER, SECRET));
    }

    @Test
    void capturedAccountingRequestHasAValidRequestAuthenticatorAndNoMessageAuthenticator() {
        byte[] wire = CapturedPackets.ACCOUNTING_REQUEST;
        assertTrue(Authenticators.accountingRequestValid(wire, SECRET));
        assertFalse(Authenticators.accountingRequestValid(wire, OTHER_SECRET));
        assertEquals(MessageAuthenticatorCheck.ABSENT, Authenticators.checkRequest(wire, SECRET));
        assertArrayEquals(ReferenceCrypto.authenticator(wire), ReferenceCrypto.accountingRequestAuthenticator(wire, SECRET));
    }

    @Test
    void capturedRepliesCarryTheResponseAuthenticatorRadclientAccepted() {
        assertArrayEquals(ReferenceCrypto.authenticator(CapturedPackets.ACCESS_ACCEPT),
                Authenticators.responseAuthenticator(withAuthenticator(CapturedPackets.ACCESS_ACCEPT,
                        ReferenceCrypto.authenticator(CapturedPackets.ACCESS_REQUEST)), SECRET));
        assertArrayEquals(ReferenceCrypto.authenticator(CapturedPackets.ACCOUNTING_RESPONSE),
                Authenticators.responseAuthenticator(withAuthenticator(CapturedPackets.ACCOUNTING_RESPONSE,
                        ReferenceCrypto.authenticator(CapturedPackets.ACCOUNTING_REQUEST)), SECRET));
    }

    @Test
    void requestEncodedWithMessageAuthenticatorIsValid() {
        byte[] wire = accessRequest(true, List.of());
        assertEquals(MessageAuthenticatorCheck.VALID, Authenticators.checkRequest(wire, SECRET));
        int offset = ReferenceCrypto.valueOffset(wire, AttributeType.MESSAGE_AUTHENTICATOR);
        assertArrayEquals(ReferenceCrypto.messageAuthenticator(wire, AUTHENTICATOR, SECRET),
                Arrays.copyOfRange(wire, offset, offset + 16));
    }

    @Test
    void anyFlippedBitMakesTheMessageAuthenticatorInvalid() {
        byte[] wire = accessRequest(true, List.of());
        for (int bit = 0; bit < wire.length * 8; bit++) {
            int octet = bit / 8;
            if (octet == 2 || octet == 3 || octet == 20 || octet == 21) {
                continue; // Length and the M-A type/length octets: other checks catch those
            }
            byte[] tampered = wire.clone();
            tampered[octet] ^= (byte) (1 << (bit % 8));
            assertEquals(MessageAuthenticatorCheck.INVALID, Authenticators.checkRequest(tampered, SECRET),
                    "bit " + bit + " flipped");
        }
    }

    @Test
    void requestWithoutMessageAuthenticatorIsAbsent() {
        assertEquals(MessageAuthenticatorCheck.ABSENT, Authenticators.checkRequest(accessRequest(false, List.of()), SECRET));
        byte[] headerOnly = Arrays.copyOf(accessRequest(false, List.of()), 20);
        headerOnly[3] = 20;
        assertEquals(MessageAuthenticatorCheck.ABSENT, Authenticators.checkRequest(headerOnly, SECRET));
    }

    @Test
    void twoMessageAuthenticatorsAreInvalidEvenIfTheFirstIsRight() {
        byte[] valid = accessRequest(true, List.of(RadiusAttribute.ofString(AttributeType.USER_NAME, "jan@nijmegen.nl")));
        byte[] second = new byte[18];
        second[0] = (byte) AttributeType.MESSAGE_AUTHENTICATOR;
        second[1] = 18;
        byte[] wire = append(valid, second);
        // re-sign the first so that only the duplicate is wrong
        int offset = ReferenceCrypto.valueOffset(wire, AttributeType.MESSAGE_AUTHENTICATOR);
        byte[] zeroed = wire.clone();
        Arrays.fill(zeroed, offset, offset + 16, (byte) 0);
        System.arraycopy(ReferenceCrypto.hmacMd5(SECRET, zeroed), 0, wire, offset, 16);

        assertEquals(MessageAuthenticatorCheck.INVALID, Authenticators.checkRequest(wire, SECRET));
    }

    @Test
    void messageAuthenticatorOfWrongLengthIsInvalid() {
        byte[] base = accessRequest(false, List.of());
        for (int valueLength : new int[] {0, 15, 17}) {
            byte[] attribute = new byte[2 + valueLength];
            attribute[0] = (byte) AttributeType.MESSAGE_AUTHENTICATOR;
            attribute[1] = (byte) attribute.length;
            assertEquals(MessageAuthenticatorCheck.INVALID, Authenticators.checkRequest(append(base, attribute), SECRET),
                    "Message-Authenticator of " + valueLength + " octets");
        }
    }

    @Test
    void accountingRequestMessageAuthenticatorIsComputedWithAZeroAuthenticator() {
        List<RadiusAttribute> attributes = List.of(
                RadiusAttribute.ofString(AttributeType.USER_NAME, "jan@nijmegen.nl"),
                RadiusAttribute.ofInt(AttributeType.ACCT_STATUS_TYPE, 1));
        byte[] wire = PacketEncoder.encodeRequest(PacketCode.ACCOUNTING_REQUEST, 9, AUTHENTICATOR, attributes, SECRET, true);

        int offset = ReferenceCrypto.valueOffset(wire, AttributeType.MESSAGE_AUTHENTICATOR);
        assertArrayEquals(ReferenceCrypto.messageAuthenticator(wire, new byte[16], SECRET),
                Arrays.copyOfRange(wire, offset, offset + 16), "RFC 3579 3.2: HMAC over a zero Request Authenticator");
        assertArrayEquals(ReferenceCrypto.accountingRequestAuthenticator(wire, SECRET), ReferenceCrypto.authenticator(wire),
                "RFC 2866 3: the Request Authenticator covers the finished Message-Authenticator");
        assertEquals(MessageAuthenticatorCheck.VALID, Authenticators.checkRequest(wire, SECRET));
        assertTrue(Authenticators.accountingRequestValid(wire, SECRET));

        // the same octets checked as if the Request Authenticator were part of the HMAC must fail
        byte[] asAccess = wire.clone();
        asAccess[0] = (byte) PacketCode.ACCESS_REQUEST.value();
        byte[] hmacOverRealAuthenticator = ReferenceCrypto.messageAuthenticator(asAccess, ReferenceCrypto.authenticator(wire), SECRET);
        assertFalse(Arrays.equals(hmacOverRealAuthenticator, Arrays.copyOfRange(wire, offset, offset + 16)));
    }

    @Test
    void accountingRequestWithWrongAuthenticatorIsNotValid() {
        byte[] wire = CapturedPackets.ACCOUNTING_REQUEST.clone();
        wire[4] ^= 0x01;
        assertFalse(Authenticators.accountingRequestValid(wire, SECRET));

        byte[] alteredAttribute = CapturedPackets.ACCOUNTING_REQUEST.clone();
        alteredAttribute[alteredAttribute.length - 1] ^= 0x01;
        assertFalse(Authenticators.accountingRequestValid(alteredAttribute, SECRET));
    }

    @Test
    void emptySecretWorksLikeAnHmacWithAnEmptyKey() {
        // JCE refuses an empty HMAC key; RFC 2104 pads keys with zeros, so one zero octet is the same key
        byte[] data = CapturedPackets.STATUS_SERVER;
        assertArrayEquals(ReferenceCrypto.hmacMd5(new byte[1], data), Authenticators.hmacMd5(new byte[0], data));
        assertArrayEquals(ReferenceCrypto.hmacMd5(new byte[64], data), Authenticators.hmacMd5(new byte[0], data));
    }

    private static byte[] accessRequest(boolean messageAuthenticator, List<RadiusAttribute> attributes) {
        return PacketEncoder.encodeRequest(PacketCode.ACCESS_REQUEST, 77, AUTHENTICATOR, attributes, SECRET,
                messageAuthenticator);
    }

    /** Appends raw attribute octets and fixes the Length field. */
    static byte[] append(byte[] wire, byte[] attribute) {
        byte[] out = Arrays.copyOf(wire, wire.length + attribute.length);
        System.arraycopy(attribute, 0, out, wire.length, attribute.length);
        out[2] = (byte) (out.length >>> 8);
        out[3] = (byte) out.length;
        return out;
    }

    private static byte[] withAuthenticator(byte[] wire, byte[] authenticator) {
        byte[] copy = wire.clone();
        System.arraycopy(authenticator, 0, copy, 4, 16);
        return copy;
    }
}
