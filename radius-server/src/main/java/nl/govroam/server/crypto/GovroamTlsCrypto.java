package nl.govroam.server.crypto;

import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.tls.NamedGroup;
import org.bouncycastle.tls.crypto.TlsECConfig;
import org.bouncycastle.tls.crypto.TlsECDomain;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * Bouncy Castle's TLS crypto with the X25519 key exchange done by {@link NativeCrypto} when there is one. Every
 * other group and primitive stays Bouncy Castle's.
 */
public class GovroamTlsCrypto extends BcTlsCrypto {
    private final Optional<NativeCrypto> nativeCrypto;

    public GovroamTlsCrypto(SecureRandom random, Optional<NativeCrypto> nativeCrypto) {
        super(random);
        this.nativeCrypto = nativeCrypto;
    }

    /** The native code this crypto uses, if any. */
    public Optional<NativeCrypto> nativeCrypto() {
        return nativeCrypto;
    }

    @Override
    public TlsECDomain createECDomain(TlsECConfig ecConfig) {
        if (ecConfig.getNamedGroup() == NamedGroup.x25519 && nativeCrypto.isPresent()) {
            NativeCrypto n = nativeCrypto.get();
            return () -> n.x25519(this);
        }
        return super.createECDomain(ecConfig);
    }
}
