package nl.govroam.server.proxy;

import nl.govroam.server.codec.RadiusPacket;

/**
 * A peer's reply, matched to our request and verified (Response Authenticator, Message-Authenticator).
 *
 * @param packet               the decoded reply
 * @param requestAuthenticator the authenticator of our request it answers (MS-MPPE keys are encrypted with it)
 */
record PeerAnswer(RadiusPacket packet, byte[] requestAuthenticator) {
}
