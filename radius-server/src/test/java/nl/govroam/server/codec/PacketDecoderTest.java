package nl.govroam.server.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PacketDecoderTest {
    private static final byte[] SECRET = "decoder-test-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] AUTHENTICATOR = CapturedPackets.hex("00112233445566778899aabbccddeeff");

    @Test
    void encodedAccessRequestDecodesToTheSamePacket() {
        List<RadiusAttribute> attributes = List.of(
                RadiusAttribute.ofString(AttributeType.USER_NAME, "jan@nijmegen.nl"),
                RadiusAttribute.ofInt(AttributeType.NAS_PORT, 7),
                RadiusAttribute.ofString(AttributeType.CALLING_STATION_ID, "02-00-00-00-00-01"));
        byte[] wire = PacketEncoder.encodeRequest(PacketCode.ACCESS_REQUEST, 42, AUTHENTICATOR, attributes, SECRET, true);

        DecodeResult.Decoded decoded = decoded(wire);

        RadiusPacket packet = decoded.packet();
        assertEquals(PacketCode.ACCESS_REQUEST, packet.code());
        assertEquals(42, packet.identifier());
        assertArrayEquals(AUTHENTICATOR, packet.authenticator());
        assertEquals(AttributeType.MESSAGE_AUTHENTICATOR, packet.attributes().get(0).type());
        assertEquals(attributes, packet.attributes().subList(1, 4));
        assertEquals("jan@nijmegen.nl", packet.string(AttributeType.USER_NAME).orElseThrow());
        assertArrayEquals(wire, decoded.wire());
        assertEquals(wire.length, packet.wireLength());
    }

    @Test
    void capturedRadclientRequestDecodesInWireOrder() {
        RadiusPacket packet = decoded(CapturedPackets.ACCESS_REQUEST).packet();
        assertEquals(157, packet.identifier());
        assertEquals(List.of(AttributeType.USER_NAME, AttributeType.USER_PASSWORD, AttributeType.NAS_IP_ADDRESS,
                        AttributeType.CALLING_STATION_ID, AttributeType.MESSAGE_AUTHENTICATOR),
                packet.attributes().stream().map(RadiusAttribute::type).toList());
        assertEquals("02-00-00-00-00-01", packet.string(AttributeType.CALLING_STATION_ID).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 19})
    void shorterThanTheHeaderIsTooShort(int size) {
        assertMalformed(MalformedReason.TOO_SHORT, new byte[size]);
    }

    @Test
    void datagramOverFourKilobytesIsTooLong() {
        byte[] datagram = header(PacketCode.ACCESS_REQUEST, 20, 4097);
        assertMalformed(MalformedReason.TOO_LONG, datagram);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 19})
    void lengthFieldUnderTwentyIsBadLength(int length) {
        assertMalformed(MalformedReason.BAD_LENGTH, header(PacketCode.ACCESS_REQUEST, length, 40));
    }

    @Test
    void lengthFieldOverFourKilobytesIsBadLength() {
        assertMalformed(MalformedReason.BAD_LENGTH, header(PacketCode.ACCESS_REQUEST, 4097, 4096));
        assertMalformed(MalformedReason.BAD_LENGTH, header(PacketCode.ACCESS_REQUEST, 0xFFFF, 4096));
    }

    @Test
    void lengthFieldBeyondTheDatagramIsBadLength() {
        byte[] wire = CapturedPackets.ACCESS_REQUEST;
        assertMalformed(MalformedReason.BAD_LENGTH, Arrays.copyOf(wire, wire.length - 1));
        assertMalformed(MalformedReason.BAD_LENGTH, header(PacketCode.ACCESS_REQUEST, 21, 20));
    }

    @Test
    void octetsAfterTheLengthFieldArePaddingAndIgnored() {
        byte[] wire = CapturedPackets.ACCESS_REQUEST;
        byte[] padded = Arrays.copyOf(wire, wire.length + 7);
        // padding that would be a broken attribute if it were read
        Arrays.fill(padded, wire.length, padded.length, (byte) 0x01);

        DecodeResult.Decoded decoded = decoded(padded);

        assertArrayEquals(wire, decoded.wire(), "wire must be the datagram cut at the Length field");
        assertEquals(decoded(wire).packet().attributes(), decoded.packet().attributes());
        assertEquals(5, decoded.packet().attributes().size());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void attributeLengthUnderTwoIsBadAttribute(int attributeLength) {
        byte[] datagram = header(PacketCode.ACCESS_REQUEST, 26, 26);
        datagram[20] = AttributeType.USER_NAME;
        datagram[21] = (byte) attributeLength;
        assertMalformed(MalformedReason.BAD_ATTRIBUTE, datagram);
    }

    @Test
    void attributeRunningPastTheEndIsBadAttribute() {
        byte[] datagram = header(PacketCode.ACCESS_REQUEST, 26, 26);
        datagram[20] = AttributeType.USER_NAME;
        datagram[21] = 7;
        assertMalformed(MalformedReason.BAD_ATTRIBUTE, datagram);
    }

    @Test
    void attributeRunningPastLengthIntoPaddingIsBadAttribute() {
        byte[] datagram = header(PacketCode.ACCESS_REQUEST, 26, 40);
        datagram[20] = AttributeType.USER_NAME;
        datagram[21] = 8;
        assertMalformed(MalformedReason.BAD_ATTRIBUTE, datagram);
    }

    @Test
    void singleOctetAfterTheLastAttributeIsBadAttribute() {
        byte[] datagram = header(PacketCode.ACCESS_REQUEST, 23, 23);
        datagram[20] = AttributeType.USER_NAME;
        datagram[21] = 2;
        datagram[22] = AttributeType.USER_NAME;
        assertMalformed(MalformedReason.BAD_ATTRIBUTE, datagram);
    }

    @Test
    void unknownCodeIsUnknownCode() {
        byte[] datagram = header(PacketCode.ACCESS_REQUEST, 20, 20);
        datagram[0] = 99;
        assertMalformed(MalformedReason.UNKNOWN_CODE, datagram);
    }

    @Test
    void zeroLengthValueIsAccepted() {
        byte[] datagram = header(PacketCode.ACCESS_REQUEST, 22, 22);
        datagram[20] = AttributeType.STATE;
        datagram[21] = 2;

        RadiusPacket packet = decoded(datagram).packet();

        assertEquals(List.of(new RadiusAttribute(AttributeType.STATE, new byte[0])), packet.attributes());
    }

    @Test
    void headerOnlyPacketHasNoAttributes() {
        assertEquals(List.of(), decoded(header(PacketCode.STATUS_SERVER, 20, 20)).packet().attributes());
    }

    @Test
    void packetOfExactlyFourKilobytesIsAccepted() {
        byte[] datagram = header(PacketCode.ACCESS_REQUEST, 4096, 4096);
        int pos = 20;
        int count = 0;
        while (pos < 4096) {
            int attributeLength = Math.min(255, 4096 - pos);
            datagram[pos] = (byte) AttributeType.CLASS;
            datagram[pos + 1] = (byte) attributeLength;
            pos += attributeLength;
            count++;
        }

        DecodeResult.Decoded decoded = decoded(datagram);

        assertEquals(count, decoded.packet().attributes().size());
        assertEquals(4096, decoded.wire().length);
        assertEquals(4096, decoded.packet().wireLength());
    }

    @Test
    void tenThousandRandomDatagramsNeverThrow() {
        Random random = new Random(20240709L);
        int decodedCount = 0;
        for (int i = 0; i < 10_000; i++) {
            byte[] datagram = randomDatagram(random, i);
            DecodeResult result;
            try {
                result = PacketDecoder.decode(datagram);
            } catch (RuntimeException e) {
                throw new AssertionError("decode threw on random datagram #" + i + " of " + datagram.length
                        + " octets: " + java.util.HexFormat.of().formatHex(datagram), e);
            }
            if (result instanceof DecodeResult.Decoded d) {
                decodedCount++;
                int length = ((datagram[2] & 0xFF) << 8) | (datagram[3] & 0xFF);
                assertEquals(length, d.wire().length, "wire is cut at Length (#" + i + ")");
                assertEquals(length, d.packet().wireLength(), "attributes fill the packet exactly (#" + i + ")");
                assertTrue(Authenticators.checkRequest(d.wire(), SECRET) != null);
            }
        }
        assertTrue(decodedCount > 100, "the generator should reach the attribute parser often; decoded " + decodedCount);
    }

    /** Plain noise, and noise with a plausible header so the attribute walk is exercised too. */
    private static byte[] randomDatagram(Random random, int i) {
        int size = switch (i % 4) {
            case 0 -> random.nextInt(40);
            case 1 -> random.nextInt(4200);
            default -> 20 + random.nextInt(300);
        };
        byte[] datagram = new byte[size];
        random.nextBytes(datagram);
        if (i % 4 >= 2 && size >= 20) {
            PacketCode[] codes = PacketCode.values();
            datagram[0] = (byte) codes[random.nextInt(codes.length)].value();
            int length = i % 4 == 2 ? size : 20 + random.nextInt(size - 19);
            datagram[2] = (byte) (length >>> 8);
            datagram[3] = (byte) length;
            if (i % 8 == 2) {
                // a valid attribute chain with random types and values, so some decode fully
                int pos = 20;
                while (pos < length) {
                    int attributeLength = Math.min(length - pos, 2 + random.nextInt(20));
                    if (attributeLength < 2) {
                        break;
                    }
                    datagram[pos] = (byte) (1 + random.nextInt(255));
                    datagram[pos + 1] = (byte) attributeLength;
                    pos += attributeLength;
                }
            }
        }
        return datagram;
    }

    /** A datagram of {@code size} zero octets with a code and a Length field. */
    private static byte[] header(PacketCode code, int lengthField, int size) {
        byte[] datagram = new byte[size];
        datagram[0] = (byte) code.value();
        datagram[1] = 1;
        datagram[2] = (byte) (lengthField >>> 8);
        datagram[3] = (byte) lengthField;
        return datagram;
    }

    private static DecodeResult.Decoded decoded(byte[] datagram) {
        DecodeResult result = PacketDecoder.decode(datagram);
        if (result instanceof DecodeResult.Malformed m) {
            fail("expected a packet, got malformed " + m.reason());
        }
        return assertInstanceOf(DecodeResult.Decoded.class, result);
    }

    private static void assertMalformed(MalformedReason expected, byte[] datagram) {
        assertEquals(new DecodeResult.Malformed(expected), PacketDecoder.decode(datagram));
    }
}
