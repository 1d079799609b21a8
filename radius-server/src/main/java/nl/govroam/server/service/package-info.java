/** The running service: one immutable snapshot of config, clients, routes and directories per request, and its lifecycle. */
package nl.govroam.server.service;
