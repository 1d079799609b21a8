package nl.govroam.server.proxy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.govroam.server.service.GovroamService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real radsecproxy as RadSec client of our inbound listener (mutual TLS): a visitor of our realm sent in over RadSec
 * is authenticated by our directory; a client certificate whose name is not configured is refused.
 */
class RadSecInboundIntegrationTest {
    @TempDir
    static Path dir;
    private GovroamService server;
    private RadSecProxyServer radsec;

    @BeforeAll
    static void certificates() {
        RadSecProxyServer.assumeInstalled();
        RadClient.assumeInstalled();
        TestCertificates.ca(dir, "fed");
        TestCertificates.leaf(dir, "fed", "radsec.test");
        TestCertificates.leaf(dir, "fed", "govroam.test");
    }

    @AfterEach
    void stop() {
        if (radsec != null) {
            radsec.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private String visitor(String allowedName) throws Exception {
        int ourPort = RadSecProxyServer.freeTcpPort();
        server = ProxyFixture.start(ProxyFixture.config(dir, ProxyFixture.yaml(dir, """
                realms:
                  - realm: demodorp.example
                    directory: demo
                federation:
                  radsec-listener:
                    address: 127.0.0.1
                    port: %d
                    certificate: govroam.test.pem
                    key: govroam.test.key
                    clients:
                      - name: nrs
                        ca: fed-ca.pem
                        names: [%s]
                        operator: govroam.nl
                """.formatted(ourPort, allowedName))));
        int udp = FreeRadiusServer.freeUdpPortPair();
        Path rsp = Files.createDirectories(dir.resolve("rsp-" + allowedName));
        radsec = RadSecProxyServer.startClientOnly(rsp, """
                ListenUDP 127.0.0.1:%4$d
                tls default {
                    CACertificateFile %1$s/fed-ca.pem
                    CertificateFile %1$s/radsec.test.pem
                    CertificateKeyFile %1$s/radsec.test.key
                }
                client nas {
                    type udp
                    host 127.0.0.1
                    secret %3$s
                }
                server govroam {
                    type tls
                    host 127.0.0.1
                    port %2$d
                    secret radsec
                    CertificateNameCheck off
                }
                realm * {
                    server govroam
                }
                """.formatted(dir, ourPort, "rsp-secret-0123456789", udp));
        return RadClient.send(new InetSocketAddress("127.0.0.1", udp), "auth", "rsp-secret-0123456789",
                "User-Name = \"jan.jansen@demodorp.example\"\nUser-Password = \"demo-password\"\n"
                        + "Message-Authenticator = 0x00\n", 4);
    }

    @Test
    void aVisitorSentInOverRadSecIsAuthenticatedByOurDirectory() throws Exception {
        String out = visitor("radsec.test");
        assertTrue(out.contains("Received Access-Accept"), () -> out + radsec.log());
        assertFalse(out.contains("Tunnel-Private-Group-Id"), out);
    }

    @Test
    void aClientCertificateWithAnotherNameIsRefused() throws Exception {
        String out = visitor("nrs.govroam.test");
        assertFalse(out.contains("Received Access-Accept"), out);
    }
}
