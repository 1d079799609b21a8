/** Benchmarks of govroam: the load generator, the trivial responder, fixture helpers and the result report. */
package nl.govroam.bench;
