/** The command line: run the server, check a config file. */
package nl.govroam.server.cli;
