/** Federation proxying: peers over RADIUS/UDP and RadSec, pools with health and fail-over, reply filtering. */
package nl.govroam.server.proxy;
