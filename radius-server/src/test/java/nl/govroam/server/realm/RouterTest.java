package nl.govroam.server.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.govroam.server.config.RealmConfig;
import nl.govroam.server.config.RealmSanityConfig;

class RouterTest {

    private static final RealmSanityConfig DEFAULT_SANITY = new RealmSanityConfig(RealmSanityConfig.DEFAULT_DENY_REALMS);

    private final Router router = new Router(List.of(
            new RealmConfig("nijmegen.nl", true, "nijmegen-ad"),
            new RealmConfig("wijchen.nl", false, "wijchen-ad")), DEFAULT_SANITY);

    @Test
    void routesOurRealmIgnoringCase() {
        assertEquals(new Route.Local(new Nai("Jan", "NIJMEGEN.nl"), "nijmegen.nl", "nijmegen-ad"),
                router.route("Jan@NIJMEGEN.nl"));
        assertEquals("wijchen-ad", local("piet@Wijchen.NL").directory());
    }

    @Test
    void routesAnonymousOuterIdentities() {
        assertEquals(new Route.Local(new Nai("", "nijmegen.nl"), "nijmegen.nl", "nijmegen-ad"), router.route("@nijmegen.nl"));
        assertEquals("nijmegen-ad", local("anonymous@nijmegen.nl").directory());
    }

    @Test
    void matchesSubdomainsOnlyWhereConfigured() {
        assertEquals("nijmegen.nl", local("jan@medewerkers.nijmegen.nl").realm());
        assertEquals("nijmegen.nl", local("jan@a.b.NIJMEGEN.NL").realm());
        assertEquals(RouteRejection.NOT_LOCAL, reject("piet@a.wijchen.nl").reason());
    }

    @Test
    void subdomainMatchesOnlyAtALabelBoundary() {
        assertEquals(new Route.Reject(RouteRejection.NOT_LOCAL,
                        "no route for realm xnijmegen.nl: federation proxying is not configured"),
                router.route("jan@xnijmegen.nl"));
        assertEquals(RouteRejection.NOT_LOCAL, reject("jan@nijmegen.nl.example").reason());
    }

    @Test
    void foreignRealmIsNotLocal() {
        assertEquals(new Route.Reject(RouteRejection.NOT_LOCAL,
                        "no route for realm Gemeente.Amsterdam: federation proxying is not configured"),
                router.route("kees@Gemeente.Amsterdam"));
    }

    @Test
    void firstMatchWinsInConfiguredOrder() {
        Router specificFirst = new Router(List.of(
                new RealmConfig("raad.nijmegen.nl", false, "raad-ldap"),
                new RealmConfig("nijmegen.nl", true, "nijmegen-ad")), DEFAULT_SANITY);
        assertEquals("raad-ldap", directory(specificFirst, "jan@raad.nijmegen.nl"));
        assertEquals("nijmegen-ad", directory(specificFirst, "jan@sw.nijmegen.nl"));

        Router broadFirst = new Router(List.of(
                new RealmConfig("nijmegen.nl", true, "nijmegen-ad"),
                new RealmConfig("raad.nijmegen.nl", false, "raad-ldap")), DEFAULT_SANITY);
        assertEquals("nijmegen-ad", directory(broadFirst, "jan@raad.nijmegen.nl"));
    }

    @Test
    void duplicateRealmsKeepTheirOrder() {
        Router duplicates = new Router(List.of(
                new RealmConfig("nijmegen.nl", false, "first"),
                new RealmConfig("NIJMEGEN.NL", true, "second")), DEFAULT_SANITY);
        assertEquals("first", directory(duplicates, "jan@nijmegen.nl"));
        assertEquals("second", directory(duplicates, "jan@x.nijmegen.nl"));
    }

    @Test
    void internationalisedRealmsMatchInAnyNormalisationAndCase() {
        Router idn = new Router(List.of(new RealmConfig("\u00fc.example", false, "idn")), DEFAULT_SANITY);
        assertEquals("idn", directory(idn, "jan@\u00dc.example"));
        assertEquals("idn", directory(idn, "jan@u\u0308.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "foo@wlan.mnc001.mcc001.3gppnetwork.org", "x@3gppnetwork.org", "x@myabc.com", "x@gmail.com",
            "x@GMail.Com", "x@hotmail.com", "x@hotmail.co.uk", "x@outlook.com", "x@yahoo.com", "x@printer.local",
            "@a.b.local"})
    void defaultDenyListRejects(String userName) {
        assertEquals(RouteRejection.DENIED_REALM, reject(userName).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"x@notgmail.com", "x@gmail.com.example", "x@local.nijmegen.example", "x@my-hotmail.com",
            "x@3gppnetwork.org.example"})
    void defaultDenyListLeavesLookAlikesAlone(String userName) {
        assertEquals(RouteRejection.NOT_LOCAL, reject(userName).reason());
    }

    @Test
    void denyDetailNamesThePattern() {
        assertEquals(new Route.Reject(RouteRejection.DENIED_REALM, "realm hotmail.co.uk is on the deny list (hotmail.*)"),
                router.route("x@hotmail.co.uk"));
    }

    @Test
    void denyListIsCheckedBeforeOurRealms() {
        Router local = new Router(List.of(new RealmConfig("gemeente.local", false, "ad")), DEFAULT_SANITY);
        assertEquals(RouteRejection.DENIED_REALM, reject(local, "jan@gemeente.local").reason());
    }

    @Test
    void denyGlobsAreLiteralExceptForTheStar() {
        Router router = new Router(List.of(new RealmConfig("axb.nl", false, "ad"), new RealmConfig("example.nl", false, "ad")),
                new RealmSanityConfig(List.of("a.b.nl", "ex*le.NL", "*.TEST")));
        assertEquals("ad", directory(router, "x@axb.nl"));
        assertEquals(RouteRejection.DENIED_REALM, reject(router, "x@a.b.nl").reason());
        assertEquals(RouteRejection.DENIED_REALM, reject(router, "x@example.nl").reason());
        assertEquals(RouteRejection.DENIED_REALM, reject(router, "x@foo.bar.test").reason());
        assertEquals(RouteRejection.NOT_LOCAL, reject(router, "x@test.nl").reason());
    }

    @Test
    void emptyDenyListDeniesNothing() {
        Router open = new Router(List.of(new RealmConfig("gmail.com", false, "ad")), new RealmSanityConfig(List.of()));
        assertEquals("ad", directory(open, "x@gmail.com"));
    }

    @Test
    void sanityViolationsBecomeRejectsWithTheirReason() {
        assertEquals(RouteRejection.NO_USER_NAME, reject(null).reason());
        assertEquals(RouteRejection.MULTIPLE_AT, reject("jan@wijchen.nl@nijmegen.nl").reason());
        assertEquals(RouteRejection.NO_REALM, reject("host/pc01.nijmegen.nl").reason());
        assertEquals(RouteRejection.REALM_NO_DOT, reject("x@hotmail").reason());
    }

    @Test
    void codesAreShortAndStable() {
        assertEquals("not-local", RouteRejection.NOT_LOCAL.code());
        assertEquals("multiple-at", RouteRejection.MULTIPLE_AT.code());
        assertEquals("no-realm", RouteRejection.NO_REALM.code());
        for (RouteRejection reason : RouteRejection.values()) {
            assertEquals(reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), reason.code());
        }
    }

    private Route.Local local(String userName) {
        return assertInstanceOf(Route.Local.class, router.route(userName));
    }

    private Route.Reject reject(String userName) {
        return reject(router, userName);
    }

    private static Route.Reject reject(Router router, String userName) {
        return assertInstanceOf(Route.Reject.class, router.route(userName));
    }

    private static String directory(Router router, String userName) {
        return assertInstanceOf(Route.Local.class, router.route(userName)).directory();
    }
}
