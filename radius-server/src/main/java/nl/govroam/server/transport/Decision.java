package nl.govroam.server.transport;

import java.time.Duration;
import java.util.List;
import nl.govroam.server.codec.PacketCode;
import nl.govroam.server.codec.RadiusAttribute;

/** What a processor decided for a request: a reply (perhaps held back a while), or deliberate silence. */
public sealed interface Decision {

    /**
     * @param code       the reply code
     * @param attributes the reply's attributes; Message-Authenticator and echoed Proxy-State are added when sent
     * @param delay      hold the reply back this long (Access-Reject delay); zero to send at once
     */
    record Reply(PacketCode code, List<RadiusAttribute> attributes, Duration delay) implements Decision {
        public Reply {
            attributes = List.copyOf(attributes);
        }

        public static Reply now(PacketCode code, List<RadiusAttribute> attributes) {
            return new Reply(code, attributes, Duration.ZERO);
        }
    }

    /** No reply, on purpose (e.g. the directory is down and the client is a NAS that should fail over). */
    record Silence(DropReason reason) implements Decision {
    }
}
