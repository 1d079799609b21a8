/** The admin's YAML file, parsed and validated into one immutable snapshot; every error reported at once as file:line: key.path: what is wrong. */
package nl.govroam.server.config;
