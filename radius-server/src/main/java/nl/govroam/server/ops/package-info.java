/** Operating the running server: Prometheus metrics over HTTP and the record of config reloads. */
package nl.govroam.server.ops;
