package nl.govroam.server.certs;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads the formats an admin already has: PEM certificates (one file or certificate plus chain), PEM private keys
 * (PKCS#8, traditional RSA/EC, encrypted or not) and PKCS#12 files. Errors name the file, never a password.
 */
public final class CertificateFiles {
    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private CertificateFiles() {
    }

    /** Every certificate in a PEM file, in file order. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        List<X509Certificate> out = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(reader)) {
            for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
                if (o instanceof X509CertificateHolder holder) {
                    out.add(new JcaX509CertificateConverter().getCertificate(holder));
                }
            }
        } catch (CertificateException e) {
            throw new IOException(file + ": not a valid certificate: " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no PEM certificate (-----BEGIN CERTIFICATE-----) found");
        }
        return out;
    }

    /** The first private key in a PEM file, decrypted with {@code password} when it is encrypted. */
    public static PrivateKey readPrivateKey(Path file, Optional<char[]> password) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser pem = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object o = pem.readObject(); o != null; o = pem.readObject()) {
                switch (o) {
                    case PrivateKeyInfo info -> {
                        return converter.getPrivateKey(info);
                    }
                    case PEMKeyPair pair -> {
                        return converter.getKeyPair(pair).getPrivate();
                    }
                    case PKCS8EncryptedPrivateKeyInfo encrypted -> {
                        char[] p = password.orElseThrow(() -> new IOException(file + ": the key is encrypted; give its password"));
                        return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                                new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BC).build(p)));
                    }
                    case PEMEncryptedKeyPair encrypted -> {
                        char[] p = password.orElseThrow(() -> new IOException(file + ": the key is encrypted; give its password"));
                        return converter.getKeyPair(encrypted.decryptKeyPair(
                                new JcePEMDecryptorProviderBuilder().setProvider(BC).build(p))).getPrivate();
                    }
                    default -> {
                        // certificates or parameters before the key
                    }
                }
            }
        } catch (OperatorCreationException | PKCSException e) {
            throw new IOException(file + ": the key cannot be decrypted (wrong password?)");
        }
        throw new IOException(file + ": no PEM private key found");
    }

    /** A PEM certificate file (leaf first, perhaps with its chain), an optional chain file and a PEM key file. */
    public static CertifiedKey readPem(Path certificateFile, Optional<Path> chainFile, Path keyFile,
                                      Optional<char[]> password) throws IOException {
        List<X509Certificate> chain = new ArrayList<>(readCertificates(certificateFile));
        if (chainFile.isPresent()) {
            chain.addAll(readCertificates(chainFile.get()));
        }
        PrivateKey key = readPrivateKey(keyFile, password);
        return new CertifiedKey(chain, key);
    }

    /** The first key entry of a PKCS#12 file, with its chain. */
    public static CertifiedKey readPkcs12(Path file, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Key key = store.getKey(alias, password);
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    if (key instanceof PrivateKey privateKey) {
                        return new CertifiedKey(chain, privateKey);
                    }
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": not a readable PKCS#12 file (wrong password?): " + e.getClass().getSimpleName());
        }
        throw new IOException(file + ": no private key entry in the PKCS#12 file");
    }
}
