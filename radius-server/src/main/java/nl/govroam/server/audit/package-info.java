/** What operators read: one auth log line per final decision (and, later, F-ticks and metrics). */
package nl.govroam.server.audit;
