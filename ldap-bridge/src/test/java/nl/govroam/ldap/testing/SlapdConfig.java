package nl.govroam.ldap.testing;

import java.nio.file.Path;
import java.util.Optional;

/** The old-style {@code slapd.conf} of a test server: schemas, one mdb database, ACLs, optional TLS. */
final class SlapdConfig {
    /** The file the fixture writes {@link #NT_HASH_SCHEMA} to, in the server's temp dir. */
    static final String NT_HASH_SCHEMA_FILE = "samba-nt.schema";
    /**
     * A minimal stand-in for Samba's schema (Debian's slapd ships none): the real {@code sambaNTPassword} attribute
     * (same OID) and an auxiliary class that allows only it, so test users can carry an NT hash for MSCHAPv2.
     */
    static final String NT_HASH_SCHEMA = """
            attributetype ( 1.3.6.1.4.1.7165.2.1.25 NAME 'sambaNTPassword'
                DESC 'MD4 hash of the unicode password'
                EQUALITY caseIgnoreIA5Match
                SYNTAX 1.3.6.1.4.1.1466.115.121.1.26{32} SINGLE-VALUE )
            objectclass ( 1.3.6.1.4.1.7165.2.2.6 NAME 'sambaSamAccount' SUP top AUXILIARY
                DESC 'minimal test stand-in: only the NT hash'
                MAY ( sambaNTPassword ) )
            """;

    private SlapdConfig() {
    }

    static String of(Path dir, Optional<TestCertificates> certificates) {
        StringBuilder conf = new StringBuilder();
        for (String schema : new String[] {"core", "cosine", "inetorgperson", "nis"}) {
            conf.append("include /etc/ldap/schema/").append(schema).append(".schema\n");
        }
        conf.append("include ").append(dir.resolve(NT_HASH_SCHEMA_FILE)).append('\n');
        conf.append("modulepath /usr/lib/ldap\n")
                .append("moduleload back_mdb\n")
                .append("moduleload memberof\n")
                .append("pidfile ").append(dir.resolve("slapd.pid")).append('\n')
                .append("argsfile ").append(dir.resolve("slapd.args")).append('\n');
        certificates.ifPresent(c -> conf
                .append("TLSCACertificateFile ").append(c.caFile()).append('\n')
                .append("TLSCertificateFile ").append(c.certFile()).append('\n')
                .append("TLSCertificateKeyFile ").append(c.keyFile()).append('\n'));
        conf.append("database mdb\n")
                .append("maxsize 16777216\n")
                .append("suffix \"").append(TestDirectory.BASE_DN).append("\"\n")
                .append("rootdn \"cn=admin,").append(TestDirectory.BASE_DN).append("\"\n")
                .append("directory ").append(dir.resolve("db")).append('\n')
                // memberOf is kept as written by slapadd; the overlay defines the attribute
                .append("overlay memberof\n")
                // passwords: usable to bind, readable by nobody
                .append("access to attrs=userPassword by anonymous auth by * none\n")
                .append("access to * by dn.exact=\"").append(TestDirectory.SERVICE_DN).append("\" read")
                .append(" by self read by * none\n");
        return conf.toString();
    }
}
