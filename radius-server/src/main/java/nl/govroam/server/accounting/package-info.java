/** Accounting-Request: each record made durable (JSON lines, fsynced) before the Accounting-Response; foreign realms answered and recorded locally. */
package nl.govroam.server.accounting;
