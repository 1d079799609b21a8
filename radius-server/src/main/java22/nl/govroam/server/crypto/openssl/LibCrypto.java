package nl.govroam.server.crypto.openssl;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.ref.Cleaner;

/**
 * The few libcrypto (OpenSSL 3) functions govroam calls, bound once through the foreign-function API. Each method
 * is one C call; {@link #check} turns a failed call into an exception carrying OpenSSL's own error text and clears
 * the thread's error queue. Every call is thread-safe in OpenSSL 3 for the objects used here (a key is shared
 * read-only, contexts are per call).
 */
final class LibCrypto {
    /** {@code EVP_PKEY_X25519} ({@code NID_X25519}). */
    static final int EVP_PKEY_X25519 = 1034;
    static final int RSA_PKCS1_PADDING = 1;
    static final int RSA_PKCS1_PSS_PADDING = 6;
    /** {@code RSA_PSS_SALTLEN_DIGEST}: the salt is as long as the digest, as TLS requires (RFC 8446 4.2.3). */
    static final int RSA_PSS_SALTLEN_DIGEST = -1;
    /** Frees what a handshake abandoned before its natural end (a key agreement that never computed its secret). */
    static final Cleaner CLEANER = Cleaner.create();

    private static final String[] NAMES = {"libcrypto.so.3", "libcrypto.so"};
    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBRARY = open();

    private static final MethodHandle VERSION_NUM = bind("OpenSSL_version_num", FunctionDescriptor.of(JAVA_LONG));
    private static final MethodHandle VERSION = bind("OpenSSL_version", FunctionDescriptor.of(ADDRESS, JAVA_INT));
    private static final MethodHandle ERR_GET_ERROR = bind("ERR_get_error", FunctionDescriptor.of(JAVA_LONG));
    private static final MethodHandle ERR_ERROR_STRING_N = bind("ERR_error_string_n",
            FunctionDescriptor.ofVoid(JAVA_LONG, ADDRESS, JAVA_LONG));
    private static final MethodHandle ERR_CLEAR_ERROR = bind("ERR_clear_error", FunctionDescriptor.ofVoid());

    private static final MethodHandle D2I_AUTO_PRIVATE_KEY = bind("d2i_AutoPrivateKey",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
    private static final MethodHandle PKEY_FREE = bind("EVP_PKEY_free", FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle PKEY_GET_SIZE = bind("EVP_PKEY_get_size", FunctionDescriptor.of(JAVA_INT, ADDRESS));

    private static final MethodHandle MD_CTX_NEW = bind("EVP_MD_CTX_new", FunctionDescriptor.of(ADDRESS));
    private static final MethodHandle MD_CTX_FREE = bind("EVP_MD_CTX_free", FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle DIGEST_SIGN_INIT = bind("EVP_DigestSignInit_ex",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle DIGEST_SIGN = bind("EVP_DigestSign",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
    private static final MethodHandle SET_RSA_PADDING = bind("EVP_PKEY_CTX_set_rsa_padding",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle SET_RSA_PSS_SALTLEN = bind("EVP_PKEY_CTX_set_rsa_pss_saltlen",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));

    private static final MethodHandle PKEY_CTX_NEW_ID = bind("EVP_PKEY_CTX_new_id",
            FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS));
    private static final MethodHandle PKEY_CTX_NEW = bind("EVP_PKEY_CTX_new",
            FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle PKEY_CTX_FREE = bind("EVP_PKEY_CTX_free", FunctionDescriptor.ofVoid(ADDRESS));
    private static final MethodHandle KEYGEN_INIT = bind("EVP_PKEY_keygen_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle KEYGEN = bind("EVP_PKEY_keygen", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle GET_RAW_PUBLIC_KEY = bind("EVP_PKEY_get_raw_public_key",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));
    private static final MethodHandle NEW_RAW_PUBLIC_KEY = bind("EVP_PKEY_new_raw_public_key",
            FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
    private static final MethodHandle DERIVE_INIT = bind("EVP_PKEY_derive_init", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    private static final MethodHandle DERIVE_SET_PEER = bind("EVP_PKEY_derive_set_peer",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS));
    private static final MethodHandle DERIVE = bind("EVP_PKEY_derive",
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS));

    private LibCrypto() {
    }

    private static SymbolLookup open() {
        IllegalArgumentException last = null;
        for (String name : NAMES) {
            try {
                return SymbolLookup.libraryLookup(name, Arena.global());
            } catch (IllegalArgumentException e) {
                last = e;
            }
        }
        throw new IllegalStateException("OpenSSL's libcrypto.so.3 was not found (Debian package libssl3)", last);
    }

    private static MethodHandle bind(String function, FunctionDescriptor descriptor) {
        MemorySegment address = LIBRARY.find(function).orElseThrow(() -> new IllegalStateException(
                "libcrypto has no " + function + " (OpenSSL 3.0 or newer is needed)"));
        return LINKER.downcallHandle(address, descriptor);
    }

    /** Throws with OpenSSL's error text unless {@code result} is 1 (OpenSSL's success). */
    static void check(int result, String function) throws OpenSslException {
        if (result != 1) {
            throw new OpenSslException(function + " failed: " + errors());
        }
    }

    /** Throws with OpenSSL's error text when a function returned NULL. */
    static MemorySegment check(MemorySegment pointer, String function) throws OpenSslException {
        if (pointer.equals(MemorySegment.NULL)) {
            throw new OpenSslException(function + " failed: " + errors());
        }
        return pointer;
    }

    /** The thread's queued OpenSSL errors as text, and clears them. */
    private static String errors() {
        StringBuilder text = new StringBuilder();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(256);
            long code;
            while ((code = (long) ERR_GET_ERROR.invokeExact()) != 0) {
                ERR_ERROR_STRING_N.invokeExact(code, buffer, 256L);
                text.append(text.isEmpty() ? "" : "; ").append(buffer.getString(0));
            }
            ERR_CLEAR_ERROR.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
        return text.isEmpty() ? "no OpenSSL error text" : text.toString();
    }

    /** Some libcrypto calls with a confined arena for their buffers; a failed call surfaces as its exception. */
    @FunctionalInterface
    private interface Calls<T> {
        T run(Arena arena) throws Throwable;
    }

    private static <T> T withArena(Calls<T> calls) throws OpenSslException {
        try (Arena arena = Arena.ofConfined()) {
            return calls.run(arena);
        } catch (OpenSslException e) {
            throw e;
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    private static IllegalStateException unexpected(Throwable t) {
        return new IllegalStateException("libcrypto call failed in Java: " + t, t);
    }

    static long versionNumber() {
        try {
            return (long) VERSION_NUM.invokeExact();
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    static String version() {
        try {
            MemorySegment text = (MemorySegment) VERSION.invokeExact(0);
            return text.reinterpret(256).getString(0);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** An {@code EVP_PKEY*} from a DER private key (PKCS#8, or the traditional RSA/EC forms). */
    static MemorySegment privateKey(byte[] der) throws OpenSslException {
        return withArena(arena -> {
            MemorySegment buffer = arena.allocateFrom(JAVA_BYTE, der);
            MemorySegment cursor = arena.allocateFrom(ADDRESS, buffer);
            MemorySegment key = (MemorySegment) D2I_AUTO_PRIVATE_KEY.invokeExact(MemorySegment.NULL, cursor,
                    (long) der.length);
            buffer.fill((byte) 0);
            return check(key, "d2i_AutoPrivateKey");
        });
    }

    static void freeKey(MemorySegment key) {
        try {
            PKEY_FREE.invokeExact(key);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /** The largest signature the key makes, in bytes. */
    static int signatureSize(MemorySegment key) {
        try {
            return (int) PKEY_GET_SIZE.invokeExact(key);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    /**
     * Signs {@code message} (hashing it with {@code digest}, an OpenSSL digest name such as {@code SHA256}).
     *
     * @param padding for RSA keys {@link #RSA_PKCS1_PADDING} or {@link #RSA_PKCS1_PSS_PADDING}; 0 for EC keys
     */
    static byte[] sign(MemorySegment key, int maxSize, MemorySegment digest, int padding, byte[] message)
            throws OpenSslException {
        return withArena(arena -> {
            MemorySegment ctx = check((MemorySegment) MD_CTX_NEW.invokeExact(), "EVP_MD_CTX_new");
            try {
                MemorySegment keyCtx = arena.allocate(ADDRESS);
                check((int) DIGEST_SIGN_INIT.invokeExact(ctx, keyCtx, digest, MemorySegment.NULL, MemorySegment.NULL,
                        key, MemorySegment.NULL), "EVP_DigestSignInit_ex");
                if (padding != 0) {
                    MemorySegment pkeyCtx = keyCtx.get(ADDRESS, 0);
                    check((int) SET_RSA_PADDING.invokeExact(pkeyCtx, padding), "EVP_PKEY_CTX_set_rsa_padding");
                    if (padding == RSA_PKCS1_PSS_PADDING) {
                        check((int) SET_RSA_PSS_SALTLEN.invokeExact(pkeyCtx, RSA_PSS_SALTLEN_DIGEST),
                                "EVP_PKEY_CTX_set_rsa_pss_saltlen");
                    }
                }
                MemorySegment input = arena.allocateFrom(JAVA_BYTE, message);
                MemorySegment signature = arena.allocate(maxSize);
                MemorySegment length = arena.allocateFrom(JAVA_LONG, maxSize);
                check((int) DIGEST_SIGN.invokeExact(ctx, signature, length, input, (long) message.length),
                        "EVP_DigestSign");
                return signature.asSlice(0, length.get(JAVA_LONG, 0)).toArray(JAVA_BYTE);
            } finally {
                MD_CTX_FREE.invokeExact(ctx);
            }
        });
    }

    /** A fresh X25519 key pair ({@code EVP_PKEY*}) from OpenSSL's own random generator. */
    static MemorySegment generateX25519() throws OpenSslException {
        return withArena(arena -> {
            MemorySegment ctx = check((MemorySegment) PKEY_CTX_NEW_ID.invokeExact(EVP_PKEY_X25519, MemorySegment.NULL),
                    "EVP_PKEY_CTX_new_id");
            try {
                check((int) KEYGEN_INIT.invokeExact(ctx), "EVP_PKEY_keygen_init");
                MemorySegment out = arena.allocate(ADDRESS);
                check((int) KEYGEN.invokeExact(ctx, out), "EVP_PKEY_keygen");
                return out.get(ADDRESS, 0);
            } finally {
                PKEY_CTX_FREE.invokeExact(ctx);
            }
        });
    }

    /** The raw public key of an X25519 key (32 bytes). */
    static byte[] rawPublicKey(MemorySegment key) throws OpenSslException {
        return withArena(arena -> {
            MemorySegment out = arena.allocate(32);
            MemorySegment length = arena.allocateFrom(JAVA_LONG, 32L);
            check((int) GET_RAW_PUBLIC_KEY.invokeExact(key, out, length), "EVP_PKEY_get_raw_public_key");
            return out.asSlice(0, length.get(JAVA_LONG, 0)).toArray(JAVA_BYTE);
        });
    }

    /**
     * The X25519 shared secret of {@code key} with the peer's raw public key. OpenSSL refuses a result of all
     * zeros (a small-order peer point, RFC 7748 section 6.1), which fails here.
     */
    static byte[] deriveX25519(MemorySegment key, byte[] peerPublic) throws OpenSslException {
        return withArena(arena -> {
            MemorySegment peer = check((MemorySegment) NEW_RAW_PUBLIC_KEY.invokeExact(EVP_PKEY_X25519,
                    MemorySegment.NULL, arena.allocateFrom(JAVA_BYTE, peerPublic), (long) peerPublic.length),
                    "EVP_PKEY_new_raw_public_key");
            try {
                MemorySegment ctx = check((MemorySegment) PKEY_CTX_NEW.invokeExact(key, MemorySegment.NULL),
                        "EVP_PKEY_CTX_new");
                try {
                    check((int) DERIVE_INIT.invokeExact(ctx), "EVP_PKEY_derive_init");
                    check((int) DERIVE_SET_PEER.invokeExact(ctx, peer), "EVP_PKEY_derive_set_peer");
                    MemorySegment secret = arena.allocate(32);
                    MemorySegment length = arena.allocateFrom(JAVA_LONG, 32L);
                    check((int) DERIVE.invokeExact(ctx, secret, length), "EVP_PKEY_derive");
                    byte[] result = secret.asSlice(0, length.get(JAVA_LONG, 0)).toArray(JAVA_BYTE);
                    secret.fill((byte) 0);
                    return result;
                } finally {
                    PKEY_CTX_FREE.invokeExact(ctx);
                }
            } finally {
                PKEY_FREE.invokeExact(peer);
            }
        });
    }
}
